package console

import (
	"embed"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/payflow-dev/payflow/clock"
)

// Prefix is the path under which the console is served.
const Prefix = "/_console/"

//go:embed static
var staticFiles embed.FS

// Config configures a Console.
type Config struct {
	// AWS reaches the local endpoint the console shows.
	AWS aws.Config
	// Clock gives the ages of waiting tasks; nil means the wall clock.
	Clock clock.Clock
	// Feed, when set, supplies notifications and metrics collected by the
	// host (for example from the functions' logs).
	Feed Feed
	// Logger receives failures to read the endpoint; nil discards them.
	Logger *slog.Logger
}

// Console is an http.Handler serving the page and its JSON views.
type Console struct {
	sfn   *sfn.Client
	sqs   *sqs.Client
	sns   *sns.Client
	clock clock.Clock
	feed  Feed
	log   *slog.Logger
}

// New returns a Console reading the endpoint that cfg.AWS points at.
func New(cfg Config) *Console {
	if cfg.Clock == nil {
		cfg.Clock = clock.NewReal()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Feed == nil {
		cfg.Feed = NewFeed(0)
	}
	return &Console{
		sfn: sfn.NewFromConfig(cfg.AWS), sqs: sqs.NewFromConfig(cfg.AWS), sns: sns.NewFromConfig(cfg.AWS),
		clock: cfg.Clock, feed: cfg.Feed, log: cfg.Logger,
	}
}

// ServeHTTP answers GET requests under Prefix: the page, its script and
// style, and the JSON views api/overview and api/execution?arn=.
func (c *Console) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "the console is read-only", http.StatusMethodNotAllowed)
		return
	}
	switch strings.TrimPrefix(r.URL.Path, Prefix) {
	case "api/overview":
		c.serveJSON(w, r, func() (any, error) { return c.overview(r.Context()) })
	case "api/execution":
		c.serveJSON(w, r, func() (any, error) { return c.execution(r.Context(), r.URL.Query().Get("arn")) })
	case "", "index.html":
		serveStatic(w, r, "index.html")
	case "app.js", "app.css", "graph.js":
		serveStatic(w, r, strings.TrimPrefix(r.URL.Path, Prefix))
	default:
		http.NotFound(w, r)
	}
}

func serveStatic(w http.ResponseWriter, r *http.Request, name string) {
	w.Header().Set("Cache-Control", "no-store")
	http.ServeFileFS(w, r, staticFiles, "static/"+name)
}

func (c *Console) serveJSON(w http.ResponseWriter, r *http.Request, view func() (any, error)) {
	v, err := view()
	if err != nil {
		c.log.WarnContext(r.Context(), "console view failed", "path", r.URL.Path, "err", err)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(statusOf(err))
		_ = json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_ = json.NewEncoder(w).Encode(v)
}

// Mount returns a handler that serves the console under Prefix and
// everything else with next.
func Mount(c http.Handler, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == strings.TrimSuffix(Prefix, "/") {
			http.Redirect(w, r, Prefix, http.StatusFound)
			return
		}
		if strings.HasPrefix(r.URL.Path, Prefix) {
			c.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}
