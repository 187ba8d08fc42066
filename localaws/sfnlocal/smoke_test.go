package sfnlocal_test

import (
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/payflow-dev/payflow/localaws/clienttest"
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
	// Skips without a working CLI on a developer machine, fails in CI.
	aws := clienttest.AWSCLI(t, 0)
	srv := httptest.NewServer(sfnlocal.New(sfnlocal.Config{}))
	t.Cleanup(srv.Close)
	cmd := exec.Command("bash", "testdata/smoke.sh")
	cmd.Env = append(os.Environ(), "ENDPOINT="+srv.URL, "AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null",
		"PATH="+filepath.Dir(aws)+string(os.PathListSeparator)+os.Getenv("PATH"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("smoke.sh: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}
