package sfnlocal_test

import (
	"net/http/httptest"
	"os"
	"os/exec"
	"testing"

	"github.com/payflow-dev/payflow/localaws/sfnlocal"
)

// TestSmokeScriptWithAWSCLI runs testdata/smoke.sh against a real server
// when the AWS CLI is installed. It is the same script `make smoke` uses
// against the local stack, so it must keep working against this package.
func TestSmokeScriptWithAWSCLI(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("starts the AWS CLI a dozen times")
	}
	if _, err := exec.LookPath("aws"); err != nil {
		t.Skip("aws CLI not on PATH")
	}
	if out, err := exec.Command("aws", "--version").CombinedOutput(); err != nil {
		// A shim (pyenv, asdf) can be on PATH without a working CLI behind it.
		t.Skipf("aws CLI does not run: %v: %s", err, out)
	}
	srv := httptest.NewServer(sfnlocal.New(sfnlocal.Config{}))
	t.Cleanup(srv.Close)
	cmd := exec.Command("bash", "testdata/smoke.sh")
	cmd.Env = append(os.Environ(), "ENDPOINT="+srv.URL, "AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("smoke.sh: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}
