import type { MessageTable } from '../message-schema.js';

/**
 * AUTHENTICATION_V1_MESSAGES are the `k8s.io/api/authentication/v1` messages (TokenRequest,
 * TokenReview, SelfSubjectReview), with the field numbers of `authentication/v1/generated.proto`.
 */
export const AUTHENTICATION_V1_MESSAGES: MessageTable = {
  TokenRequest: '1 metadata ObjectMeta; 2 spec TokenRequestSpec; 3 status TokenRequestStatus',
  TokenRequestSpec:
    '1 audiences []string; 4 expirationSeconds *int64; 3 boundObjectRef *BoundObjectReference',
  BoundObjectReference: '1 kind string; 2 apiVersion string; 3 name string; 4 uid string',
  TokenRequestStatus: '1 token string!; 2 expirationTimestamp Time!',
  TokenReview: '1 metadata ObjectMeta; 2 spec TokenReviewSpec; 3 status TokenReviewStatus',
  TokenReviewSpec: '1 token string; 2 audiences []string',
  TokenReviewStatus: '1 authenticated bool; 2 user UserInfo; 3 error string; 4 audiences []string',
  UserInfo: '1 username string; 2 uid string; 3 groups []string; 4 extra map[string]StringList',
  SelfSubjectReview: '1 metadata ObjectMeta; 2 status SelfSubjectReviewStatus',
  SelfSubjectReviewStatus: '1 userInfo UserInfo',
};
