import {
  BranchesOutlined,
  FunctionOutlined,
  PlusSquareOutlined,
  RetweetOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import type { InsertPosition } from '@whenthen/blocks';
import { Button, Dropdown, Space, Typography, type MenuProps } from 'antd';
import { useT } from '../i18n';
import { useBlockEditorUi, type InsertKind } from './editor-ui';

/** The insert choices as a menu (the rows' "+" and empty slots), for statements at `at`. */
export function useInsertMenu(at: InsertPosition): MenuProps {
  const t = useT();
  const ui = useBlockEditorUi();
  return {
    onClick: ({ key }) => ui.openInsert(at, key as InsertKind),
    items: [
      {
        key: 'statement',
        icon: <PlusSquareOutlined />,
        label: t('blocks.insert.statement'),
        'data-testid': 'insert-menu-statement',
      } as never,
      {
        key: 'variable',
        icon: <FunctionOutlined />,
        label: t('blocks.insert.variable'),
        children: [
          { key: 'const', label: t('blocks.insert.const') },
          { key: 'let', label: t('blocks.insert.let') },
          { key: 'assign', label: t('blocks.insert.assign') },
        ],
      },
      {
        key: 'loop',
        icon: <RetweetOutlined />,
        label: t('blocks.insert.loop'),
        children: [
          { key: 'forEach', label: t('blocks.insert.forEach') },
          { key: 'while', label: t('blocks.insert.while') },
        ],
      },
      {
        key: 'if',
        icon: <BranchesOutlined />,
        label: t('blocks.insert.condition'),
        'data-testid': 'insert-menu-if',
      } as never,
      { key: 'return', icon: <RollbackOutlined />, label: t('blocks.insert.return') },
    ],
  };
}

/**
 * The insert bar under the rows: basic statement, variable, loop, condition, return. New blocks go
 * after the selected block, or at the end of the handler.
 */
export function InsertBar({ at, where }: { at: InsertPosition; where: string }) {
  const t = useT();
  const ui = useBlockEditorUi();
  const open = (kind: InsertKind) => () => ui.openInsert(at, kind);
  const menu = (items: { key: InsertKind; label: string }[]): MenuProps => ({
    items,
    onClick: ({ key }) => ui.openInsert(at, key as InsertKind),
  });
  return (
    <div className="insert-bar" data-testid="insert-bar">
      <Space wrap size={4}>
        <Button
          type="primary"
          ghost
          icon={<PlusSquareOutlined />}
          size="small"
          data-testid="insert-statement"
          onClick={open('statement')}
        >
          {t('blocks.insert.statement')}
        </Button>
        <Dropdown
          trigger={['click']}
          menu={menu([
            { key: 'const', label: t('blocks.insert.const') },
            { key: 'let', label: t('blocks.insert.let') },
            { key: 'assign', label: t('blocks.insert.assign') },
          ])}
        >
          <Button icon={<FunctionOutlined />} size="small" data-testid="insert-variable">
            {t('blocks.insert.variable')}
          </Button>
        </Dropdown>
        <Dropdown
          trigger={['click']}
          menu={menu([
            { key: 'forEach', label: t('blocks.insert.forEach') },
            { key: 'while', label: t('blocks.insert.while') },
          ])}
        >
          <Button icon={<RetweetOutlined />} size="small" data-testid="insert-loop">
            {t('blocks.insert.loop')}
          </Button>
        </Dropdown>
        <Button
          icon={<BranchesOutlined />}
          size="small"
          data-testid="insert-condition"
          onClick={open('if')}
        >
          {t('blocks.insert.condition')}
        </Button>
        <Button
          icon={<RollbackOutlined />}
          size="small"
          data-testid="insert-return"
          onClick={open('return')}
        >
          {t('blocks.insert.return')}
        </Button>
      </Space>
      <Typography.Text type="secondary" className="insert-where">
        {where}
      </Typography.Text>
    </div>
  );
}
