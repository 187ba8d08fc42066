package httpapi

import (
	"log/slog"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
)

// handleHealth answers liveness probes. It checks nothing downstream: a
// health check that calls AWS would turn an AWS hiccup into a restart loop.
func handleHealth() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, "application/json", http.StatusOK, map[string]string{"status": "ok"})
	})
}

// handleNoRoute answers paths the API does not serve with a 404 problem.
func handleNoRoute(log *slog.Logger) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, log, &requestError{status: http.StatusNotFound, detail: "No resource at this path."})
	}
}

// handleWrongMethod answers a known path with an unserved method: 405 with
// the Allow header listing the methods that path does serve. chi's own 405
// handler lists them too, but a custom handler has to find them itself.
func handleWrongMethod(routes chi.Routes, log *slog.Logger) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var allowed []string
		for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete, http.MethodOptions} {
			if routes.Match(chi.NewRouteContext(), m, r.URL.Path) {
				allowed = append(allowed, m)
			}
		}
		allow := strings.Join(allowed, ", ")
		w.Header().Set("Allow", allow)
		writeError(w, r, log, &requestError{status: http.StatusMethodNotAllowed, detail: "This path serves " + allow + " only."})
	}
}
