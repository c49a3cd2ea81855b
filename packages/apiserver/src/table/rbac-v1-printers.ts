import type { ClusterRoleBinding, RoleBinding, Subject } from '@capstan/core';
import { since } from './cell-format.js';
import { AGE_COLUMN, column, NAME_COLUMN, wide } from './table-column.js';
import { type TablePrinter, tablePrinterFn } from './table-printer.js';

// Roles and ClusterRoles have no printer in Kubernetes: they print with the default table
// (NAME, CREATED AT), as here. Bindings print their role and, wide, their subjects.

type Binding = RoleBinding | ClusterRoleBinding;

function bindingPrinter(scope: 'roleBinding' | 'clusterRoleBinding'): TablePrinter {
  return tablePrinterFn<Binding>(
    [
      NAME_COLUMN,
      column('Role', 'string', 'The role granted, as kind/name.'),
      AGE_COLUMN,
      wide('Users', `Users in the ${scope}`),
      wide('Groups', `Groups in the ${scope}`),
      wide('ServiceAccounts', `ServiceAccounts in the ${scope}`),
    ],
    (binding, now) => {
      const subjects: readonly Subject[] = binding.subjects ?? [];
      const of = (kind: string) => subjects.filter((s) => s.kind === kind);
      return [
        binding.metadata.name ?? '',
        `${binding.roleRef.kind}/${binding.roleRef.name}`,
        since(binding.metadata.creationTimestamp, now),
        of('User')
          .map((s) => s.name)
          .join(', '),
        of('Group')
          .map((s) => s.name)
          .join(', '),
        of('ServiceAccount')
          .map((s) => `${s.namespace ?? ''}/${s.name}`)
          .join(', '),
      ];
    },
  );
}

/** roleBindingTablePrinter prints role bindings: NAME ROLE AGE, and wide USERS GROUPS SERVICEACCOUNTS. */
export const roleBindingTablePrinter: TablePrinter = bindingPrinter('roleBinding');

/** clusterRoleBindingTablePrinter prints cluster role bindings: NAME ROLE AGE, and wide USERS GROUPS SERVICEACCOUNTS. */
export const clusterRoleBindingTablePrinter: TablePrinter = bindingPrinter('clusterRoleBinding');
