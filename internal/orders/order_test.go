package orders_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

func TestOrderNeverPrintsItsCard(t *testing.T) {
	t.Parallel()
	o := validOrder()
	o.OrderID = "ord-A" // an id sharing no digits with the CVV
	var logged bytes.Buffer
	// The line's time is left out: its digits could match the CVV's.
	noTime := &slog.HandlerOptions{ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
		if len(groups) == 0 && a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}}
	slog.New(slog.NewJSONHandler(&logged, noTime)).Info("placing", "order", o)
	outputs := map[string]string{
		"%v":  fmt.Sprintf("%v", o),
		"%+v": fmt.Sprintf("%+v", o),
		"%#v": fmt.Sprintf("%#v", o),
		"%s":  fmt.Sprintf("%s", o),
		"ptr": fmt.Sprintf("%v", &o),
		"log": logged.String(),
	}
	for name, out := range outputs {
		if !strings.Contains(out, o.OrderID) {
			t.Errorf("%s: %q does not name the order", name, out)
		}
		for _, secret := range []string{"4242 4242", "4242424242424242", o.CVV, o.Expiry, o.NameOnCard} {
			if strings.Contains(out, secret) {
				t.Errorf("%s: %q contains %q", name, out, secret)
			}
		}
	}
}
