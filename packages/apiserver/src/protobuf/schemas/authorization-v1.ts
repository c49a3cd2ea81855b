import type { MessageTable } from '../message-schema.js';

/**
 * AUTHORIZATION_V1_MESSAGES are the `k8s.io/api/authorization/v1` review messages
 * (SelfSubjectAccessReview, SubjectAccessReview, LocalSubjectAccessReview, SelfSubjectRulesReview),
 * with the field numbers of `authorization/v1/generated.proto`.
 */
export const AUTHORIZATION_V1_MESSAGES: MessageTable = {
  SelfSubjectAccessReview: `1 metadata ObjectMeta; 2 spec SelfSubjectAccessReviewSpec;
    3 status SubjectAccessReviewStatus`,
  SelfSubjectAccessReviewSpec:
    '1 resourceAttributes *ResourceAttributes; 2 nonResourceAttributes *NonResourceAttributes',
  SubjectAccessReview:
    '1 metadata ObjectMeta; 2 spec SubjectAccessReviewSpec; 3 status SubjectAccessReviewStatus',
  LocalSubjectAccessReview: '= SubjectAccessReview',
  SubjectAccessReviewSpec: `1 resourceAttributes *ResourceAttributes; 2 nonResourceAttributes *NonResourceAttributes;
    3 user string; 4 groups []string; 5 extra map[string]StringList; 6 uid string`,
  SubjectAccessReviewStatus: '1 allowed bool!; 4 denied bool; 2 reason string; 3 evaluationError string',
  ResourceAttributes: `1 namespace string; 2 verb string; 3 group string; 4 version string; 5 resource string;
    6 subresource string; 7 name string; 8 fieldSelector *FieldSelectorAttributes;
    9 labelSelector *LabelSelectorAttributes`,
  NonResourceAttributes: '1 path string; 2 verb string',
  FieldSelectorAttributes: '1 rawSelector string; 2 requirements []FieldSelectorRequirement',
  FieldSelectorRequirement: '1 key string!; 2 operator string!; 3 values []string',
  LabelSelectorAttributes: '1 rawSelector string; 2 requirements []LabelSelectorRequirement',
  SelfSubjectRulesReview:
    '1 metadata ObjectMeta; 2 spec SelfSubjectRulesReviewSpec; 3 status SubjectRulesReviewStatus',
  SelfSubjectRulesReviewSpec: '1 namespace string',
  SubjectRulesReviewStatus: `1 resourceRules []ResourceRule; 2 nonResourceRules []NonResourceRule; 3 incomplete bool!;
    4 evaluationError string`,
  ResourceRule: '1 verbs []string; 2 apiGroups []string; 3 resources []string; 4 resourceNames []string',
  NonResourceRule: '1 verbs []string; 2 nonResourceURLs []string',
};
