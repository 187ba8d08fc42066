// Package awsid provides the identity the local AWS endpoint answers as when
// nobody names one: the default region and account, shared by every emulator
// so that the ARNs and URLs they mint agree.
//
// It is not an ARN library; each emulator formats its own ARNs.
package awsid
