import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n/i18n';

/**
 * 中文 / English: the label is the language it switches to, the name says what it is. On a phone
 * (`compact`) the word alone, without the globe: the word is what a reader of the other language
 * looks for, and the header has no room for both.
 */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, locale, setLocale } = useI18n();
  return (
    <Button
      type="text"
      icon={compact ? undefined : <GlobalOutlined aria-hidden />}
      title={t('lang.label')}
      lang={locale === 'en' ? 'zh-CN' : 'en'}
      onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
      style={{ color: 'inherit', ...(compact ? { paddingInline: 6 } : {}) }}
    >
      {t('lang.switch')}
    </Button>
  );
}
