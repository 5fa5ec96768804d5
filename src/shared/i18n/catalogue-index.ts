// Written by `npm run i18n` from src/shared/i18n/catalogue: do not edit.
import de_cashier from './catalogue/de/cashier.json';
import de_common from './catalogue/de/common.json';
import de_customer from './catalogue/de/customer.json';
import de_main from './catalogue/de/main.json';
import de_manager from './catalogue/de/manager.json';
import de_printing from './catalogue/de/printing.json';
import de_settings from './catalogue/de/settings.json';
import de_shell from './catalogue/de/shell.json';
import de_staff from './catalogue/de/staff.json';
import en_cashier from './catalogue/en/cashier.json';
import en_common from './catalogue/en/common.json';
import en_customer from './catalogue/en/customer.json';
import en_main from './catalogue/en/main.json';
import en_manager from './catalogue/en/manager.json';
import en_printing from './catalogue/en/printing.json';
import en_settings from './catalogue/en/settings.json';
import en_shell from './catalogue/en/shell.json';
import en_staff from './catalogue/en/staff.json';
import es_cashier from './catalogue/es/cashier.json';
import es_common from './catalogue/es/common.json';
import es_customer from './catalogue/es/customer.json';
import es_main from './catalogue/es/main.json';
import es_manager from './catalogue/es/manager.json';
import es_printing from './catalogue/es/printing.json';
import es_settings from './catalogue/es/settings.json';
import es_shell from './catalogue/es/shell.json';
import es_staff from './catalogue/es/staff.json';
import fr_cashier from './catalogue/fr/cashier.json';
import fr_common from './catalogue/fr/common.json';
import fr_customer from './catalogue/fr/customer.json';
import fr_main from './catalogue/fr/main.json';
import fr_manager from './catalogue/fr/manager.json';
import fr_printing from './catalogue/fr/printing.json';
import fr_settings from './catalogue/fr/settings.json';
import fr_shell from './catalogue/fr/shell.json';
import fr_staff from './catalogue/fr/staff.json';
import it_cashier from './catalogue/it/cashier.json';
import it_common from './catalogue/it/common.json';
import it_customer from './catalogue/it/customer.json';
import it_main from './catalogue/it/main.json';
import it_manager from './catalogue/it/manager.json';
import it_printing from './catalogue/it/printing.json';
import it_settings from './catalogue/it/settings.json';
import it_shell from './catalogue/it/shell.json';
import it_staff from './catalogue/it/staff.json';
import zhHans_cashier from './catalogue/zh-Hans/cashier.json';
import zhHans_common from './catalogue/zh-Hans/common.json';
import zhHans_customer from './catalogue/zh-Hans/customer.json';
import zhHans_main from './catalogue/zh-Hans/main.json';
import zhHans_manager from './catalogue/zh-Hans/manager.json';
import zhHans_printing from './catalogue/zh-Hans/printing.json';
import zhHans_settings from './catalogue/zh-Hans/settings.json';
import zhHans_shell from './catalogue/zh-Hans/shell.json';
import zhHans_staff from './catalogue/zh-Hans/staff.json';
import zhHant_cashier from './catalogue/zh-Hant/cashier.json';
import zhHant_common from './catalogue/zh-Hant/common.json';
import zhHant_customer from './catalogue/zh-Hant/customer.json';
import zhHant_main from './catalogue/zh-Hant/main.json';
import zhHant_manager from './catalogue/zh-Hant/manager.json';
import zhHant_printing from './catalogue/zh-Hant/printing.json';
import zhHant_settings from './catalogue/zh-Hant/settings.json';
import zhHant_shell from './catalogue/zh-Hant/shell.json';
import zhHant_staff from './catalogue/zh-Hant/staff.json';

/** Each language's messages (ICU text), every area merged. */
export const CATALOGUE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  de: {
    ...de_cashier,
    ...de_common,
    ...de_customer,
    ...de_main,
    ...de_manager,
    ...de_printing,
    ...de_settings,
    ...de_shell,
    ...de_staff,
  },
  en: {
    ...en_cashier,
    ...en_common,
    ...en_customer,
    ...en_main,
    ...en_manager,
    ...en_printing,
    ...en_settings,
    ...en_shell,
    ...en_staff,
  },
  es: {
    ...es_cashier,
    ...es_common,
    ...es_customer,
    ...es_main,
    ...es_manager,
    ...es_printing,
    ...es_settings,
    ...es_shell,
    ...es_staff,
  },
  fr: {
    ...fr_cashier,
    ...fr_common,
    ...fr_customer,
    ...fr_main,
    ...fr_manager,
    ...fr_printing,
    ...fr_settings,
    ...fr_shell,
    ...fr_staff,
  },
  it: {
    ...it_cashier,
    ...it_common,
    ...it_customer,
    ...it_main,
    ...it_manager,
    ...it_printing,
    ...it_settings,
    ...it_shell,
    ...it_staff,
  },
  'zh-Hans': {
    ...zhHans_cashier,
    ...zhHans_common,
    ...zhHans_customer,
    ...zhHans_main,
    ...zhHans_manager,
    ...zhHans_printing,
    ...zhHans_settings,
    ...zhHans_shell,
    ...zhHans_staff,
  },
  'zh-Hant': {
    ...zhHant_cashier,
    ...zhHant_common,
    ...zhHant_customer,
    ...zhHant_main,
    ...zhHant_manager,
    ...zhHant_printing,
    ...zhHant_settings,
    ...zhHant_shell,
    ...zhHant_staff,
  },
};
