// Package kmslocal is a local, in-memory stand-in for AWS Key Management
// Service that speaks the AWS JSON 1.1 protocol (X-Amz-Target:
// TrentService.<Op>), so the AWS SDKs and CLI can use it unchanged.
//
// It keeps symmetric encryption keys, HMAC keys, RSA, NIST-curve,
// secp256k1 and Ed25519 keys (Sign, Verify, GetPublicKey, RSAES-OAEP
// Encrypt and Decrypt), aliases, tags, key policies and key states, and
// does real authenticated encryption: each symmetric key owns random
// AES-256 material, Encrypt seals with AES-GCM and binds the encryption
// context as additional authenticated data, and
// the ciphertext blob names its key and key material generation so Decrypt
// needs no KeyId and ciphertexts from before a rotation still decrypt, as
// in AWS. Tampered blobs and mismatched contexts fail with
// InvalidCiphertextException. Each region a request is signed for has its
// own keys and aliases, and ARNs carry that region and its partition.
//
// It is not a secure key store: key material lives in process memory and
// disappears with it. Key policies are stored and returned but never
// enforced (a new policy that would lock everyone out is refused, as AWS's
// lockout safety check refuses it), and neither are grants (CreateGrant, ListGrants,
// ListRetirableGrants, RetireGrant, RevokeGrant keep them); automatic
// rotation is recorded (status, next date) but only on-demand rotation
// changes material. Material can be imported into symmetric and HMAC keys
// of origin EXTERNAL (RSAES-OAEP wrapping). NIST-curve keys may be key
// agreement keys (DeriveSharedSecret, ECDH). SM2 and ML-DSA keys and
// on-demand rotation of multi-Region keys (which replicate with
// ReplicateKey, material included) are not emulated.
package kmslocal
