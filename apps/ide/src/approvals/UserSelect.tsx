import { Avatar, Select } from 'antd';
import type { CSSProperties } from 'react';
import type { AppUser } from './approvals-api';

const COLORS = [
  '#1f5eff',
  '#13a8a8',
  '#9254de',
  '#fa8c16',
  '#eb2f96',
  '#52c41a',
  '#2f54eb',
  '#d4380d',
];

/** A round badge with the user's initial, coloured by id so each user keeps one colour. */
export function UserAvatar({ id, size = 20 }: { id: string; size?: number }) {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return (
    <Avatar size={size} style={{ background: COLORS[hash % COLORS.length], fontSize: size * 0.5 }}>
      {id.slice(0, 1).toUpperCase()}
    </Avatar>
  );
}

/** Picks one user of the application, shown with avatar, name and id. */
export function UserSelect({
  users,
  value,
  onChange,
  exclude = [],
  placeholder,
  testId,
  style,
  variant,
}: {
  users: readonly AppUser[];
  value: string | null | undefined;
  onChange: (id: string) => void;
  exclude?: readonly string[];
  placeholder?: string;
  testId?: string;
  style?: CSSProperties;
  variant?: 'outlined' | 'borderless' | 'filled';
}) {
  return (
    <Select
      data-testid={testId}
      value={value ?? undefined}
      placeholder={placeholder}
      style={style}
      variant={variant}
      popupMatchSelectWidth={false}
      showSearch={{ optionFilterProp: 'search' }}
      options={users
        .filter((u) => !exclude.includes(u.id))
        .map((u) => ({
          value: u.id,
          search: `${u.id} ${u.name ?? ''}`,
          label: (
            <span className="user-option" data-testid={`user-option-${u.id}`}>
              <UserAvatar id={u.id} />
              <span>{u.name ?? u.id}</span>
              {u.name && <span className="muted small">{u.id}</span>}
            </span>
          ),
        }))}
      onChange={onChange}
    />
  );
}
