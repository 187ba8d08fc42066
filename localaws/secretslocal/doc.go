// Package secretslocal is a local, in-memory stand-in for the subset of AWS
// Secrets Manager that an application reading a secret needs, speaking the
// AWS JSON 1.1 protocol (X-Amz-Target: secretsmanager.<Op>) so that the AWS
// SDKs and CLI use it unchanged.
//
// It serves CreateSecret, GetSecretValue, PutSecretValue, UpdateSecret,
// DescribeSecret, DeleteSecret (with a recovery window or
// ForceDeleteWithoutRecovery), RestoreSecret, ListSecrets, TagResource,
// UntagResource, ListSecretVersionIds, UpdateSecretVersionStage,
// BatchGetSecretValue and GetRandomPassword. Each value is a version with a VersionId
// (the request's ClientRequestToken) and staging labels; putting a new
// AWSCURRENT value moves AWSPREVIOUS to the version that was current, as
// Secrets Manager does. Error codes and messages follow AWS's. Secrets are
// per region (the one a request is signed for), with that region and its
// partition in their ARNs.
//
// It is not a secure store: values live in process memory, in clear, and
// disappear with it. Rotation, resource policies, replication and KMS
// encryption of values are not emulated; KmsKeyId is
// remembered and reported, nothing more.
package secretslocal
