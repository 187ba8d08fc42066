//go:build !unix

package dynamolocal_test

import "time"

// processCPU is unknown here; the benchmark then reports calls/s only.
func processCPU() time.Duration { return 0 }
