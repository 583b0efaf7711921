import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { FieldError, Page } from '../../api/types';
import { Urgencies } from '../../api/types';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { useDirectory } from '../../shared/directory';
import { formatDateTime } from '../../shared/format';
import { localizeServerMessage } from '../../shared/problems';
import { useGridEnterprises } from '../outreach/grid-enterprises';
import { keepAppForOffline } from '../outreach/offline-shell';
import {
  CN_PHONE,
  LIMITS,
  NeedKinds,
  OUTREACH,
  TaskList,
  VisitMode,
  VisitModes,
} from '../outreach/outreach-api';
import { PendingVisits, SentVisits, useDrafts, useOnline, useSentVisits } from '../outreach/pending-visits';
import { PhotoPicker } from '../outreach/photo-picker';
import {
  DraftNeed,
  DraftPhoto,
  DraftProblem,
  VisitDraft,
  VisitDraftValues,
  visitDrafts,
  visitOutbox,
} from '../outreach/visit-drafts';
import { zoneMonth } from '../outreach/zone-time';
import { ItemGroup } from '../../shared/item-group';

interface VisitFormValues {
  enterpriseId?: string;
  mode: VisitMode;
  visitedAt?: Dayjs;
  companions: string[];
  topics: string[];
  findings?: string;
  photos: DraftPhoto[];
  problems: DraftProblem[];
  needs: DraftNeed[];
}

const SAVE_AFTER_MS = 300;

const blankValues = (): VisitDraftValues => ({
  visitedAt: new Date().toISOString(),
  mode: 'on_site',
  companions: [],
  topics: [],
  problems: [],
  needs: [],
});

const toForm = (d: VisitDraft): VisitFormValues => ({
  enterpriseId: d.values.enterpriseId,
  mode: d.values.mode,
  visitedAt: dayjs(d.values.visitedAt),
  companions: d.values.companions,
  topics: d.values.topics,
  findings: d.values.findings,
  photos: d.photos,
  problems: d.values.problems,
  needs: d.values.needs,
});

/** Whether a draft holds anything typed beyond what the form starts with. */
const hasContent = (v: VisitDraftValues, photos: DraftPhoto[]) =>
  !!v.enterpriseId ||
  !!v.findings?.trim() ||
  v.topics.length > 0 ||
  v.companions.length > 0 ||
  v.problems.length > 0 ||
  v.needs.length > 0 ||
  photos.length > 0;

/** The form control an API field name belongs to (problems.0.contact.phone → problems, 0, contactPhone). */
function controlOf(field: string): (string | number)[] | null {
  const parts = field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (parts[0] === 'photoIds') return ['photos'];
  if (parts[0] === 'problems' && typeof parts[1] === 'number') {
    const rest = parts.slice(2).join('.');
    const map: Record<string, string> = {
      'contact.name': 'contactName',
      'contact.phone': 'contactPhone',
      contact: 'contactName',
      photoIds: 'withPhotos',
    };
    const name = map[rest] ?? rest;
    return [
      'title',
      'description',
      'category',
      'urgency',
      'contactName',
      'contactPhone',
      'location',
      'withPhotos',
    ].includes(name)
      ? ['problems', parts[1], name]
      : null;
  }
  if (parts[0] === 'needs' && typeof parts[1] === 'number') {
    const name = String(parts[2] ?? '');
    return ['kind', 'title', 'description'].includes(name) ? ['needs', parts[1], name] : null;
  }
  if (['enterpriseId', 'visitedAt', 'mode', 'companions', 'topics', 'findings'].includes(String(parts[0])))
    return [parts[0]];
  return null;
}

/**
 * 记录走访, made for a phone in the field: the enterprise (from this month's list, or picked), how
 * and when, what was talked about, the internal notes, photos, and each problem (a ticket on the
 * enterprise's behalf, 来自走访) and need (需求清单) raised. Everything typed is kept in the browser
 * as it is typed; submitting queues it, and it is sent once the connection allows.
 */
export function VisitFormPage() {
  const { t, locale } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { categories, categoryName } = useDirectory();
  const [form] = Form.useForm<VisitFormValues>();
  const drafts = useDrafts(user.id);
  const sent = useSentVisits();
  const online = useOnline();
  const { enterprises, loading: enterprisesLoading } = useGridEnterprises(user.id);
  const [draft, setDraft] = useState<VisitDraft>();
  const draftRef = useRef<VisitDraft | undefined>(undefined);
  const [saved, setSaved] = useState<{ at: string; state: 'saving' | 'saved' } | null>(null);
  const [problem, setProblem] = useState<string>();
  const [conflict, setConflict] = useState<{ wanted: string } | null>(null);
  const [queuedNow, setQueuedNow] = useState<string | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const writing = useRef<Promise<void>>(Promise.resolve());
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const [initial] = useState(() => toForm(visitDrafts.create(user.id, blankValues())));

  useEffect(() => {
    keepAppForOffline();
    visitOutbox.start(user.id);
  }, [user.id]);

  const labels = useMemo(
    () =>
      ({
        enterpriseId: t('visit.enterprise'),
        mode: t('visit.mode'),
        visitedAt: t('visit.visitedAt'),
        companions: t('visit.companions'),
        topics: t('visit.topics'),
        findings: t('visit.findings'),
        photos: t('visit.photos'),
        title: t('whistle.titleField'),
        description: t('whistle.description'),
        category: t('whistle.category'),
        urgency: t('whistle.urgency'),
        contactName: t('whistle.contactName'),
        contactPhone: t('whistle.contactPhone'),
        location: t('whistle.location'),
        withPhotos: t('visit.problemWithPhotos'),
        kind: t('need.kind'),
        needTitle: t('need.title'),
        needDescription: t('need.description'),
      }) as const,
    [t],
  );
  const required = (label: string) => ({
    required: true,
    whitespace: true,
    message: t('common.requiredField', { field: label }),
  });
  const chosen = (label: string) => ({ required: true, message: t('common.chooseField', { field: label }) });
  const max = (label: string, n: number) => ({
    max: n,
    message: t('common.maxLength', { field: label, max: n }),
  });

  /** Puts a draft into the form, with the API's reasons under the controls when it was refused. */
  const load = useCallback(
    (d: VisitDraft) => {
      draftRef.current = d;
      setDraft(d);
      form.resetFields();
      form.setFieldsValue(toForm(d));
      setProblem(undefined);
      if (d.lastError && d.state === 'editing') {
        const unplaced: FieldError[] = [];
        const fields = d.lastError.fields.flatMap((f) => {
          const name = controlOf(f.field);
          if (!name) {
            unplaced.push(f);
            return [];
          }
          const label = labels[String(name[name.length - 1]) as keyof typeof labels];
          return [{ name, errors: f.messages.map((m) => localizeServerMessage(m, locale, t, label)) }];
        });
        form.setFields(fields as never);
        if (unplaced.length || !d.lastError.fields.length)
          setProblem(
            unplaced.length
              ? unplaced.map((f) => `${f.field}: ${f.messages.join('; ')}`).join('\n')
              : d.lastError.message,
          );
      }
    },
    [form, labels, locale, t],
  );

  const contactOf = useCallback(
    (id: string | undefined) => enterprises.find((e) => e.id === id)?.contact ?? null,
    [enterprises],
  );

  // The draft to show: the one being typed (the latest still editing), else a new one.
  useEffect(() => {
    if (drafts === undefined || draftRef.current) return;
    const editing = drafts
      .filter((d) => d.state === 'editing')
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    const wanted = params.get('enterprise') ?? undefined;
    const current = editing[0];
    if (current) {
      load(current);
      if (wanted && current.values.enterpriseId !== wanted && hasContent(current.values, current.photos))
        setConflict({ wanted });
      else if (wanted && !current.values.enterpriseId) form.setFieldsValue({ enterpriseId: wanted });
    } else {
      const fresh = visitDrafts.create(user.id, { ...blankValues(), enterpriseId: wanted });
      load(fresh);
    }
  }, [drafts, form, load, params, user.id]);

  // The enterprise's name goes with the draft (the list may not load offline); its contact fills
  // the problems' contact where nobody has typed one.
  useEffect(() => {
    if (!enterpriseId) return;
    const contact = contactOf(enterpriseId);
    if (!contact) return;
    const problems = (form.getFieldValue('problems') as DraftProblem[] | undefined) ?? [];
    if (problems.some((p) => !p.contactName && !p.contactPhone))
      form.setFieldsValue({
        problems: problems.map((p) =>
          !p.contactName && !p.contactPhone
            ? { ...p, contactName: contact.name, contactPhone: contact.phone ?? '' }
            : p,
        ),
      });
  }, [enterpriseId, contactOf, form]);

  // This month's list names the topics planned for each enterprise: offered as topics to tick.
  const [plannedTopics, setPlannedTopics] = useState<Record<string, string[]>>({});
  useEffect(() => {
    let live = true;
    api<Page<TaskList>>(`${OUTREACH}/task-lists`, { query: { month: zoneMonth(), limit: 10 } })
      .then((p) => {
        if (!live) return;
        const topics: Record<string, string[]> = {};
        for (const list of p.items)
          for (const item of list.items) topics[item.enterpriseId] = item.topics.map((x) => x.text);
        setPlannedTopics(topics);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const valuesOf = (v: VisitFormValues): VisitDraftValues => ({
    enterpriseId: v.enterpriseId,
    enterpriseName:
      enterprises.find((e) => e.id === v.enterpriseId)?.name ??
      (v.enterpriseId === draftRef.current?.values.enterpriseId
        ? draftRef.current?.values.enterpriseName
        : undefined),
    visitedAt: (v.visitedAt ?? dayjs()).toISOString(),
    mode: v.mode,
    companions: v.companions ?? [],
    topics: v.topics ?? [],
    findings: v.findings,
    problems: (v.problems ?? []).map((p) => ({ ...p })),
    needs: (v.needs ?? []).map((n) => ({ ...n })),
  });

  /** Kept in the browser a moment after each change; writes go one after another. */
  const save = () => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    setSaved((s) => ({ at: s?.at ?? new Date().toISOString(), state: 'saving' }));
    saveTimer.current = setTimeout(() => {
      const base = draftRef.current;
      if (!base) return;
      const all = form.getFieldsValue(true) as VisitFormValues;
      const next: VisitDraft = {
        ...base,
        values: valuesOf(all),
        photos: all.photos ?? [],
        state: 'editing',
        updatedAt: new Date().toISOString(),
      };
      draftRef.current = next;
      writing.current = writing.current
        .then(() => visitDrafts.put(next))
        .then(() => setSaved({ at: next.updatedAt, state: 'saved' }))
        .catch(() => setProblem(t('visit.draftNotSaved')));
    }, SAVE_AFTER_MS);
  };

  // A submitted draft sent while this page is open leads to its record; one refused comes back here.
  useEffect(() => {
    if (!queuedNow) return;
    const mine = sent.find((s) => s.draftId === queuedNow);
    if (mine) navigate(`/visits/${mine.visit.id}`);
  }, [sent, queuedNow, navigate]);
  useEffect(() => {
    if (!queuedNow || !drafts) return;
    const back = drafts.find((d) => d.id === queuedNow && d.state === 'editing' && d.lastError);
    if (back) {
      setQueuedNow(null);
      load(back);
    }
  }, [drafts, queuedNow, load]);

  const onFinish = async (v: VisitFormValues) => {
    const base = draftRef.current;
    if (!base) return;
    if (saveTimer.current) clearTimeout(saveTimer.current);
    const queued: VisitDraft = {
      ...base,
      values: valuesOf(v),
      photos: v.photos ?? [],
      updatedAt: new Date().toISOString(),
    };
    await writing.current;
    // Kept as queued before anything else, so that no later save can turn it back into a draft.
    await visitOutbox.queue(queued);
    setQueuedNow(queued.id);
    // The next visit starts on a clean form at once; this one waits in the outbox.
    const fresh = visitDrafts.create(user.id, blankValues());
    load(fresh);
    setParams({}, { replace: true });
    setSaved(null);
    await visitOutbox.flush();
  };

  const discard = async () => {
    const d = draftRef.current;
    if (d) await visitDrafts.remove(d.id).catch(() => undefined);
    const wanted = conflict?.wanted;
    setConflict(null);
    load(visitDrafts.create(user.id, { ...blankValues(), enterpriseId: wanted }));
    setSaved(null);
  };

  const enterpriseOptions = useMemo(() => {
    const opts = enterprises.map((e) => ({ value: e.id, label: e.name }));
    const d = draft?.values;
    if (d?.enterpriseId && d.enterpriseName && !opts.some((o) => o.value === d.enterpriseId))
      opts.push({ value: d.enterpriseId, label: d.enterpriseName });
    return opts;
  }, [enterprises, draft]);

  const queuedDraft = drafts?.find((d) => d.id === queuedNow && d.state === 'queued');

  return (
    <Card
      style={{ maxWidth: 760, margin: '0 auto' }}
      styles={{ body: { padding: 16 } }}
      title={<h1 className="page-title">{t('nav.recordVisit')}</h1>}
      data-testid="visit-form"
    >
      <Space orientation="vertical" size={12} style={{ width: '100%', marginBottom: 12 }}>
        {!online && (
          <Alert
            type="info"
            showIcon
            role="status"
            data-testid="offline-note"
            title={t('visit.offlineNote')}
          />
        )}
        {queuedDraft && (
          <Alert
            type="info"
            showIcon
            role="status"
            data-testid="visit-queued"
            title={online ? t('visit.queuedOnline') : t('visit.queuedOffline')}
          />
        )}
        <SentVisits sent={sent.filter((s) => s.draftId !== queuedNow)} />
        {drafts && <PendingVisits drafts={drafts} />}
        {conflict && (
          <Alert
            type="warning"
            showIcon
            data-testid="draft-conflict"
            title={t('visit.draftOther', { enterprise: draft?.values.enterpriseName ?? '' })}
            action={
              <Space orientation="vertical">
                <Button size="small" onClick={() => setConflict(null)}>
                  {t('visit.keepDraft')}
                </Button>
                <Button size="small" danger onClick={() => void discard()}>
                  {t('visit.discardForNew')}
                </Button>
              </Space>
            }
          />
        )}
        {problem && (
          <Alert type="error" showIcon role="alert" title={problem} style={{ whiteSpace: 'pre-line' }} />
        )}
        <Typography.Text
          type="secondary"
          style={{ fontSize: 12 }}
          aria-live="polite"
          data-testid="draft-status"
          data-state={saved?.state ?? 'new'}
        >
          {saved
            ? saved.state === 'saved'
              ? t('visit.draftSaved', { at: formatDateTime(saved.at, locale) })
              : t('visit.draftSaving')
            : t('visit.draftHint')}
        </Typography.Text>
      </Space>
      <Form<VisitFormValues>
        form={form}
        layout="vertical"
        name="visit"
        initialValues={initial}
        onValuesChange={save}
        onFinish={(v) => void onFinish(v)}
        onFinishFailed={() => setProblem(undefined)}
        scrollToFirstError
      >
        <Form.Item label={labels.enterpriseId} name="enterpriseId" rules={[chosen(labels.enterpriseId)]}>
          <Select
            placeholder={t('whistle.enterprisePlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            loading={enterprisesLoading}
            options={enterpriseOptions}
            notFoundContent={t('whistle.noGridEnterprises')}
          />
        </Form.Item>
        <Form.Item label={labels.mode} name="mode" rules={[chosen(labels.mode)]}>
          <Radio.Group
            optionType="button"
            options={VisitModes.map((m) => ({ value: m, label: t(`visit.mode.${m}` as MessageKey) }))}
          />
        </Form.Item>
        <Form.Item
          label={labels.visitedAt}
          name="visitedAt"
          rules={[
            chosen(labels.visitedAt),
            {
              validator: (_, v?: Dayjs) =>
                v && v.isAfter(dayjs().add(5, 'minute'))
                  ? Promise.reject(new Error(t('visit.visitedAtFuture')))
                  : Promise.resolve(),
            },
          ]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            inputReadOnly
          />
        </Form.Item>
        <Form.Item
          label={labels.topics}
          name="topics"
          extra={t('visit.topicsHelp')}
          rules={[
            {
              validator: (_, v: string[] = []) =>
                v.length > LIMITS.topics
                  ? Promise.reject(
                      new Error(t('visit.tooMany', { field: labels.topics, max: LIMITS.topics })),
                    )
                  : v.some((x) => x.length > LIMITS.topic)
                    ? Promise.reject(
                        new Error(t('visit.eachAtMost', { field: labels.topics, max: LIMITS.topic })),
                      )
                    : Promise.resolve(),
            },
          ]}
        >
          <Select
            mode="tags"
            placeholder={t('visit.topicsPlaceholder')}
            options={(plannedTopics[enterpriseId ?? ''] ?? []).map((x) => ({ value: x, label: x }))}
            tokenSeparators={['\n']}
          />
        </Form.Item>
        <Form.Item
          label={labels.findings}
          name="findings"
          extra={t('visit.findingsHelp')}
          rules={[max(labels.findings, LIMITS.findings)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            count={{ show: true, max: LIMITS.findings }}
          />
        </Form.Item>
        <Form.Item
          label={labels.companions}
          name="companions"
          rules={[
            {
              validator: (_, v: string[] = []) =>
                v.length > LIMITS.companions
                  ? Promise.reject(
                      new Error(t('visit.tooMany', { field: labels.companions, max: LIMITS.companions })),
                    )
                  : v.some((x) => x.length > LIMITS.companion)
                    ? Promise.reject(
                        new Error(t('visit.eachAtMost', { field: labels.companions, max: LIMITS.companion })),
                      )
                    : Promise.resolve(),
            },
          ]}
        >
          <Select mode="tags" placeholder={t('visit.companionsPlaceholder')} open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item label={labels.photos} name="photos" extra={t('visit.photosHelp')}>
          <PhotoPicker onRefused={(reasons) => form.setFields([{ name: 'photos', errors: reasons }])} />
        </Form.Item>

        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 8 }}>
          {t('visit.problemsTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('visit.problemsHelp')}
        </Typography.Paragraph>
        <Form.List name="problems">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <ItemGroup
                  key={field.key}
                  data-testid={`problem-${i}`}
                  legend={t('visit.problemN', { n: i + 1 })}
                >
                  <Form.Item
                    label={labels.category}
                    name={[field.name, 'category']}
                    rules={[chosen(labels.category)]}
                  >
                    <Select
                      placeholder={t('whistle.categoryPlaceholder')}
                      options={categories.map((c) => ({ value: c.code, label: categoryName(c.code) }))}
                      showSearch={{ optionFilterProp: 'label' }}
                    />
                  </Form.Item>
                  <Form.Item
                    label={labels.title}
                    name={[field.name, 'title']}
                    rules={[required(labels.title), max(labels.title, LIMITS.title)]}
                  >
                    <Input count={{ show: true, max: LIMITS.title }} />
                  </Form.Item>
                  <Form.Item
                    label={labels.description}
                    name={[field.name, 'description']}
                    rules={[required(labels.description), max(labels.description, LIMITS.problemDescription)]}
                  >
                    <Input.TextArea
                      autoSize={{ minRows: 2, maxRows: 8 }}
                      count={{ show: true, max: LIMITS.problemDescription }}
                    />
                  </Form.Item>
                  <Form.Item label={labels.urgency} name={[field.name, 'urgency']}>
                    <Radio.Group
                      optionType="button"
                      options={Urgencies.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
                    />
                  </Form.Item>
                  <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
                    <Form.Item
                      style={{ flex: '1 1 160px' }}
                      label={labels.contactName}
                      name={[field.name, 'contactName']}
                      rules={[required(labels.contactName), max(labels.contactName, LIMITS.contactName)]}
                    >
                      <Input autoComplete="off" />
                    </Form.Item>
                    <Form.Item
                      style={{ flex: '1 1 160px' }}
                      label={labels.contactPhone}
                      name={[field.name, 'contactPhone']}
                      rules={[
                        required(labels.contactPhone),
                        { pattern: CN_PHONE, message: t('whistle.phoneInvalid') },
                      ]}
                    >
                      <Input inputMode="tel" autoComplete="off" placeholder="13800138000" />
                    </Form.Item>
                  </div>
                  <Form.Item
                    label={labels.location}
                    name={[field.name, 'location']}
                    rules={[max(labels.location, LIMITS.location)]}
                  >
                    <Input placeholder={t('whistle.locationPlaceholder')} />
                  </Form.Item>
                  <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
                    <Form.Item name={[field.name, 'withPhotos']} valuePropName="checked" noStyle>
                      <Checkbox>{labels.withPhotos}</Checkbox>
                    </Form.Item>
                    <Button
                      danger
                      type="text"
                      icon={<DeleteOutlined aria-hidden />}
                      onClick={() => {
                        remove(field.name);
                        save();
                      }}
                    >
                      {t('visit.problemRemove', { n: i + 1 })}
                    </Button>
                  </Space>
                </ItemGroup>
              ))}
              <Form.Item>
                <Button
                  block
                  icon={<PlusOutlined aria-hidden />}
                  disabled={fields.length >= LIMITS.problems}
                  data-testid="add-problem"
                  onClick={() => {
                    const contact = contactOf(form.getFieldValue('enterpriseId') as string | undefined);
                    add({
                      urgency: 'normal',
                      withPhotos: true,
                      contactName: contact?.name ?? '',
                      contactPhone: contact?.phone ?? '',
                    } satisfies DraftProblem);
                    save();
                  }}
                >
                  {t('visit.problemAdd')}
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>

        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('visit.needsTitle')}
        </Typography.Title>
        <Form.List name="needs">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <ItemGroup key={field.key} data-testid={`need-${i}`} legend={t('visit.needN', { n: i + 1 })}>
                  <Form.Item label={labels.kind} name={[field.name, 'kind']} rules={[chosen(labels.kind)]}>
                    <Select
                      options={NeedKinds.map((k) => ({ value: k, label: t(`need.kind.${k}` as MessageKey) }))}
                    />
                  </Form.Item>
                  <Form.Item
                    label={labels.needTitle}
                    name={[field.name, 'title']}
                    rules={[required(labels.needTitle), max(labels.needTitle, LIMITS.title)]}
                  >
                    <Input count={{ show: true, max: LIMITS.title }} />
                  </Form.Item>
                  <Form.Item
                    label={labels.needDescription}
                    name={[field.name, 'description']}
                    rules={[
                      required(labels.needDescription),
                      max(labels.needDescription, LIMITS.needDescription),
                    ]}
                  >
                    <Input.TextArea
                      autoSize={{ minRows: 2, maxRows: 6 }}
                      count={{ show: true, max: LIMITS.needDescription }}
                    />
                  </Form.Item>
                  <Button
                    danger
                    type="text"
                    icon={<DeleteOutlined aria-hidden />}
                    onClick={() => {
                      remove(field.name);
                      save();
                    }}
                  >
                    {t('visit.needRemove', { n: i + 1 })}
                  </Button>
                </ItemGroup>
              ))}
              <Form.Item>
                <Button
                  block
                  icon={<PlusOutlined aria-hidden />}
                  disabled={fields.length >= LIMITS.needs}
                  onClick={() => {
                    add({} satisfies DraftNeed);
                    save();
                  }}
                >
                  {t('visit.needAdd')}
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>

        <Button type="primary" htmlType="submit" size="large" block data-testid="submit-visit">
          {t('visit.submit')}
        </Button>
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Popconfirm
            title={t('visit.discardConfirm')}
            okText={t('visit.discard')}
            cancelText={t('common.cancel')}
            onConfirm={() => void discard()}
          >
            <Button type="text" danger>
              {t('visit.discard')}
            </Button>
          </Popconfirm>
        </div>
      </Form>
    </Card>
  );
}
