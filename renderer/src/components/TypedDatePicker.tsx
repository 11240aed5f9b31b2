// antd's DatePicker that takes the common typed forms (2026/3/5, 20260305, 2026.3.5 …) and, for
// text that is no real date (2026-02-30), keeps the field as it was and says so under the input
// instead of silently dropping what was typed. Same props as antd's DatePicker.
import { DatePicker as AntDatePicker, type DatePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLayoutEffect, useRef, useState, type FocusEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTypedDate, TYPED_DATE_FORMATS } from '../format/typed-date';

function formatsFor(format: DatePickerProps['format']): string[] {
  const first = typeof format === 'string' ? format : TYPED_DATE_FORMATS[0];
  return [first, ...TYPED_DATE_FORMATS.filter((f) => f !== first)];
}

type Props = Omit<DatePickerProps, 'value' | 'defaultValue' | 'onChange' | 'multiple' | 'onOk'> & {
  value?: Dayjs | null;
  onChange?: (date: Dayjs | null, dateString: string) => void;
};

/**
 * A date field that has focus when its page goes away (a route change, a closing form) is blurred
 * before React takes the picker down. Otherwise the browser's blur arrives while the picker's
 * refs are already detached, and rc-picker's blur handler reads `selectorRef.current.nativeElement`
 * of null (an uncaught page error). This layout-effect cleanup runs before the picker's own
 * (a parent's deletion effects run before its children's), while its refs still stand.
 */
function useBlurBeforeUnmount(host: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const el = host.current;
    return () => {
      const active = el?.ownerDocument.activeElement;
      if (el && active instanceof HTMLElement && el.contains(active)) active.blur();
    };
  }, [host]);
}

function TypedDatePicker(props: Props) {
  const { t } = useTranslation();
  const [bad, setBad] = useState<string | null>(null);
  const host = useRef<HTMLSpanElement>(null);
  useBlurBeforeUnmount(host);
  const onBlur = (e: FocusEvent<HTMLElement>) => {
    const text = (e.target as HTMLInputElement).value ?? '';
    const typed = parseTypedDate(text);
    if (typed.kind === 'invalid') setBad(text);
    else {
      setBad(null);
      const current = props.value ? props.value.format('YYYY-MM-DD') : null;
      if (typed.kind === 'date' && typed.date !== current)
        props.onChange?.(dayjs(typed.date, 'YYYY-MM-DD'), typed.date);
    }
    props.onBlur?.(e as never, {} as never);
  };
  const picker = (
    <AntDatePicker
      {...props}
      format={props.format && typeof props.format !== 'string' ? props.format : formatsFor(props.format)}
      status={bad ? 'error' : props.status}
      onBlur={onBlur}
      onChange={(d: Dayjs | null, s: string | null) => {
        setBad(null);
        props.onChange?.(d, s ?? '');
      }}
    />
  );
  // one tree whether or not there is a message: the picker is never remounted (a remount loses
  // the input that the form's refs point at)
  return (
    <span ref={host} style={{ display: props.style?.width === '100%' ? 'block' : 'inline-block' }}>
      {picker}
      {bad && (
        <span className="typed-date-error" role="alert" style={{ display: 'block', color: '#ff4d4f', fontSize: 12 }}>
          {t('validation.invalid_typed_date', { value: bad })}
        </span>
      )}
    </span>
  );
}

/** antd's RangePicker with the typed forms; a typed end that is no real date is named under it. */
function TypedRangePicker(props: React.ComponentProps<typeof AntDatePicker.RangePicker>) {
  const { t } = useTranslation();
  const [bad, setBad] = useState<string | null>(null);
  const host = useRef<HTMLSpanElement>(null);
  useBlurBeforeUnmount(host);
  return (
    <span ref={host} style={{ display: 'inline-block' }}>
      <AntDatePicker.RangePicker
        format={TYPED_DATE_FORMATS}
        {...props}
        status={bad ? 'error' : props.status}
        onBlur={(e, info) => {
          const text = (e.target as HTMLInputElement).value ?? '';
          setBad(parseTypedDate(text).kind === 'invalid' ? text : null);
          props.onBlur?.(e, info);
        }}
        onChange={(v, s) => {
          setBad(null);
          props.onChange?.(v, s);
        }}
      />
      {bad && (
        <span className="typed-date-error" role="alert" style={{ display: 'block', color: '#ff4d4f', fontSize: 12 }}>
          {t('validation.invalid_typed_date', { value: bad })}
        </span>
      )}
    </span>
  );
}

/** Drop-in for antd's DatePicker (RangePicker as antd's, with the typed forms). */
export const DatePicker = Object.assign(TypedDatePicker, { RangePicker: TypedRangePicker });
