package awsproto_test

import (
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/payflow-dev/payflow/localaws/awsproto"
)

func TestErrorStatus(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		err        *awsproto.Error
		wantStatus int
		wantFault  string
	}{
		{"sender defaults to 400", awsproto.Errorf("InvalidParameter", "bad %s", "x"), http.StatusBadRequest, "Sender"},
		{"explicit status", awsproto.StatusErrorf(http.StatusNotFound, "NotFound", "Topic does not exist"), http.StatusNotFound, "Sender"},
		{"receiver defaults to 500", awsproto.Internalf("InternalError", "oops"), http.StatusInternalServerError, "Receiver"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := tt.err.HTTPStatus(); got != tt.wantStatus {
				t.Errorf("HTTPStatus() = %d, want %d", got, tt.wantStatus)
			}
			if got := tt.err.Fault.String(); got != tt.wantFault {
				t.Errorf("Fault = %s, want %s", got, tt.wantFault)
			}
		})
	}
}

func TestAsError(t *testing.T) {
	t.Parallel()
	internal := awsproto.Internalf("InternalFailure", "internal error")
	known := awsproto.Errorf("NotFoundException", "Key 'k' does not exist")
	if got := awsproto.AsError(fmt.Errorf("decrypt: %w", known), internal); got != known {
		t.Errorf("AsError(wrapped API error) = %v, want %v", got, known)
	}
	if got := awsproto.AsError(errors.New("disk on fire"), internal); got != internal {
		t.Errorf("AsError(unexpected error) = %v, want the internal error", got)
	}
	if got, want := known.Error(), "NotFoundException: Key 'k' does not exist"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
