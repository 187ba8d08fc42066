package awsid

// The region and account the local endpoint uses unless configured.
const (
	DefaultRegion  = "us-east-1"
	DefaultAccount = "123456789012"
)

// OrDefaults returns region and account, each replaced by its default when
// empty.
func OrDefaults(region, account string) (string, string) {
	if region == "" {
		region = DefaultRegion
	}
	if account == "" {
		account = DefaultAccount
	}
	return region, account
}
