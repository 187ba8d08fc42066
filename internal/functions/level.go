package functions

import (
	"context"
	"log/slog"
)

// levelHandler drops records below a minimum level before they reach the
// handler it wraps, so that LOG_LEVEL applies to whatever logger the caller
// supplied.
type levelHandler struct {
	min  slog.Level
	next slog.Handler
}

// Enabled reports whether a record at l passes both the minimum and the
// wrapped handler.
func (h levelHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= h.min && h.next.Enabled(ctx, l)
}

// Handle passes the record on.
func (h levelHandler) Handle(ctx context.Context, r slog.Record) error {
	return h.next.Handle(ctx, r)
}

// WithAttrs keeps the minimum on the derived handler.
func (h levelHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return levelHandler{min: h.min, next: h.next.WithAttrs(attrs)}
}

// WithGroup keeps the minimum on the derived handler.
func (h levelHandler) WithGroup(name string) slog.Handler {
	return levelHandler{min: h.min, next: h.next.WithGroup(name)}
}
