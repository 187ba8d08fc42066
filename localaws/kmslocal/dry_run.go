package kmslocal

// codeDryRun is the code AWS answers a request with DryRun set that would
// have succeeded.
const codeDryRun = "DryRunOperationException"

// errDryRun is AWS's answer to a DryRun request that would have succeeded,
// in the wording LocalStack's AWS-validated snapshots record
// (tests/aws/services/kms/test_kms.snapshot.json,
// TestKMSGenerateKeys::test_generate_data_key_pair_dry_run).
func errDryRun() *Error {
	return errorf(codeDryRun, "The request would have succeeded, but the DryRun option is set.")
}

// dryRunnable wraps an operation without side effects: with DryRun set the
// request is run and checked as usual, and where it would have succeeded
// the answer is DryRunOperationException instead of its result.
func dryRunnable(op handler) handler {
	return func(s *regional, body []byte) (any, error) {
		out, err := op(s, body)
		if err != nil || !dryRun(body) {
			return out, err
		}
		return nil, errDryRun()
	}
}

// dryRun reports whether a request (which its operation has already
// decoded without error) sets DryRun.
func dryRun(body []byte) bool {
	var in struct {
		DryRun bool `json:"DryRun"`
	}
	return decode(body, &in) == nil && in.DryRun
}
