import { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { LanguageSwitch } from '../../layout/language-switch';

/** The frame of the pages opened without a login (企业注册, 重置密码), like the login page's. */
export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #b71c1c 0%, #7f0000 45%, #f5f5f5 45%)',
      }}
    >
      <section
        aria-labelledby="public-title"
        style={{
          width: '100%',
          maxWidth: 460,
          background: '#fff',
          borderRadius: 8,
          boxShadow: '0 1px 2px rgba(0,0,0,0.06), 0 1px 6px rgba(0,0,0,0.08)',
        }}
      >
        <div
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            padding: '12px 24px',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <h1 className="page-title" id="public-title" style={{ fontSize: 18 }}>
            {t('app.title')} · {title}
          </h1>
          <LanguageSwitch />
        </div>
        <div style={{ padding: 24 }}>
          {children}
          <p style={{ marginTop: 16, textAlign: 'center' }}>
            <Link to="/login">{t('register.backToLogin')}</Link>
          </p>
        </div>
      </section>
    </main>
  );
}
