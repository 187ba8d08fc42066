package callback_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/payflow-dev/payflow/internal/simulator"
)

// secrets are every card number (in the forms people type them) and CVV
// present in the fixtures.
func secrets() []string {
	numbers := []string{
		simulator.CardApproved, simulator.CardDeclined, simulator.CardInsufficientFunds,
		simulator.CardExpired, simulator.CardProcessorError, "5555555555554444", "1234123412341234",
	}
	var out []string
	for _, n := range numbers {
		out = append(out, n, n[0:4]+" "+n[4:8]+" "+n[8:12]+" "+n[12:16])
	}
	return append(out, `"846"`, "cvv\":\"846", `"cvv":"123"`)
}

func TestNoCardDataLeaks(t *testing.T) {
	t.Parallel()
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Run(e.Name(), func(t *testing.T) {
			t.Parallel()
			tasks := &fakeTasks{}
			r := newRig(t, tasks, &fakeCards{}, 0)
			if _, err := r.handler.Handle(t.Context(), loadEvent(t, e.Name())); err != nil {
				t.Fatal(err)
			}
			logs := r.logs.String()
			if !strings.Contains(logs, "messageId") {
				t.Fatalf("nothing was logged, so the search below proves nothing:\n%s", logs)
			}
			sent := fmt.Sprintf("%+v", tasks.sortedCalls())
			for _, s := range secrets() {
				if strings.Contains(logs, s) {
					t.Errorf("logs contain card data %q:\n%s", s, logs)
				}
				if strings.Contains(sent, s) {
					t.Errorf("SendTask* arguments contain card data %q:\n%s", s, sent)
				}
			}
		})
	}
}
