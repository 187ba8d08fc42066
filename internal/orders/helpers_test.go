package orders_test

import "strings"

func repeat(s string, n int) string { return strings.Repeat(s, n) }

func contains(s, sub string) bool { return strings.Contains(s, sub) }
