// Package awsid provides the identity the local AWS endpoint answers as:
// the default region and account when nobody names one, the partition a
// region belongs to, and ARNs built and taken apart with that partition, so
// that the ARNs every emulator mints agree and carry the request's region.
//
// It does not decide which region a request is for (awsproto.RegionOf
// does) and does not check that a resource exists.
package awsid
