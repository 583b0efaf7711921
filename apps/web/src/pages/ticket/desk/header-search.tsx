import { SearchOutlined } from '@ant-design/icons';
import { Button, Grid, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../i18n/i18n';
import { useCapability } from '../../../shared/capabilities';

export const SEARCH_PATH = '/api/v1/tickets/search';

/** The header's search box: Enter opens the results; on a phone an icon opens the page. */
export function HeaderSearch() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const narrow = !Grid.useBreakpoint().md;
  const served = useCapability('GET', SEARCH_PATH);
  const [value, setValue] = useState('');
  if (!served) return null;
  if (narrow)
    return (
      <Button
        type="text"
        icon={<SearchOutlined aria-hidden />}
        aria-label={t('search.title')}
        style={{ color: 'inherit' }}
        onClick={() => navigate('/search')}
      />
    );
  return (
    <Input
      aria-label={t('search.label')}
      placeholder={t('search.headerPlaceholder')}
      prefix={<SearchOutlined aria-hidden />}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onPressEnter={() => {
        const q = value.trim();
        if (!q) return;
        navigate(`/search?q=${encodeURIComponent(q)}`);
        setValue('');
      }}
      data-testid="header-search"
      style={{ width: 240 }}
      allowClear
    />
  );
}
