package templatecheck_test

import (
	"testing"
	"time"
)

// TestApiRequestBudgetFitsTheTimeout keeps the API's request budget, and
// its AWS retries, inside the function's Timeout with room to answer: a
// silent AWS must end as the API's 503 problem, not as a Lambda timeout
// that API Gateway turns into a bare 500.
func TestApiRequestBudgetFitsTheTimeout(t *testing.T) {
	t.Parallel()
	p := props(t, loadTemplate(t), "ApiFunction", "AWS::Serverless::Function")
	timeout := time.Duration(number(t, p["Timeout"], "ApiFunction Timeout")) * time.Second
	parse := func(name string) time.Duration {
		s, _ := lookup(p, "Environment", "Variables", name).(string)
		d, err := time.ParseDuration(s)
		if err != nil {
			t.Fatalf("ApiFunction %s = %q: %v", name, s, err)
		}
		return d
	}
	budget, attempt := parse("REQUEST_BUDGET"), parse("AWS_ATTEMPT_TIMEOUT")
	if budget > timeout-time.Second {
		t.Errorf("REQUEST_BUDGET %s leaves less than 1 s of the %s Timeout to answer", budget, timeout)
	}
	if attempt >= budget {
		t.Errorf("AWS_ATTEMPT_TIMEOUT %s is not below REQUEST_BUDGET %s: no room for a retry", attempt, budget)
	}
}
