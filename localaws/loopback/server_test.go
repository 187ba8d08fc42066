package loopback_test

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/localaws/loopback"
)

// TestServerDropsHalfSentBodies sends headers promising a body and then
// stalls, as 300 hostile connections once did for 25 s each: the server
// must give up after its read timeout rather than hold the connection.
func TestServerDropsHalfSentBodies(t *testing.T) {
	t.Parallel()
	handlerDone := make(chan error, 1)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, err := io.ReadAll(r.Body)
		handlerDone <- err
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := loopback.Server(h, loopback.Timeouts{ReadHeader: 100 * time.Millisecond, Read: 100 * time.Millisecond})
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })

	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\nAction=Send"); err != nil {
		t.Fatal(err)
	}
	// Bounded wait: far above the 100 ms timeout, far below a hang.
	select {
	case err := <-handlerDone:
		if err == nil {
			t.Fatal("the handler read a whole body that was never sent")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server still waits for the body after 10 s; ReadTimeout is not set")
	}
	_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, err = bufio.NewReader(conn).ReadString('\n')
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatal("the server kept the stalled connection open")
	}
}

func TestServerDropsSlowHeaders(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := loopback.Server(http.NotFoundHandler(), loopback.Timeouts{ReadHeader: 100 * time.Millisecond})
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"); err != nil {
		t.Fatal(err)
	}
	_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, err = io.ReadAll(conn) // returns when the server closes the connection
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatal("the server still waits for the headers after 10 s; ReadHeaderTimeout is not set")
	}
}

func TestServerDefaults(t *testing.T) {
	t.Parallel()
	srv := loopback.Server(http.NotFoundHandler(), loopback.Timeouts{})
	if srv.ReadHeaderTimeout != 5*time.Second || srv.ReadTimeout != 30*time.Second || srv.IdleTimeout != 2*time.Minute {
		t.Errorf("timeouts = header %s, read %s, idle %s", srv.ReadHeaderTimeout, srv.ReadTimeout, srv.IdleTimeout)
	}
	if srv.WriteTimeout != 0 {
		t.Errorf("WriteTimeout = %s; it would cut SQS long polls short", srv.WriteTimeout)
	}
}
