package stripemock

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// DefaultReadyTimeout bounds how long Start waits for stripe-mock to
// listen, its first build included (about a minute on two busy cores; a
// few hundred milliseconds once cached).
const DefaultReadyTimeout = 3 * time.Minute

// listeningHTTP is the line stripe-mock prints once its HTTP listener is
// bound, followed by the address.
const listeningHTTP = "Listening for HTTP at address: "

// Config tells Start how to find and run stripe-mock.
type Config struct {
	// GoBin is the go command; empty means "go" on PATH.
	GoBin string
	// Dir is a directory inside this module, where `go tool` finds the
	// tool dependency; empty means the current directory.
	Dir string
	// ReadyTimeout bounds the wait for the server to listen; zero means
	// DefaultReadyTimeout.
	ReadyTimeout time.Duration
	// Log receives stripe-mock's own output; nil discards it.
	Log io.Writer
	// Record keeps every request the front passes on, for Requests. It
	// keeps card fields in memory: for tests only.
	Record bool
}

// Server is a running stripe-mock and the front before it.
type Server struct {
	// URL is the front's base URL, such as http://127.0.0.1:41955, for
	// stripe-go's BackendConfig.URL.
	URL string
	// MockURL is stripe-mock's own, without the front.
	MockURL string

	cmd    *exec.Cmd
	exited chan struct{}
	front  *front
	http   *http.Server
	served chan struct{}
	once   sync.Once
}

// Start builds (once, through the build cache) and starts stripe-mock on
// free loopback ports and returns when it listens, or fails after
// cfg.ReadyTimeout or when ctx ends.
func Start(ctx context.Context, cfg Config) (*Server, error) {
	if cfg.GoBin == "" {
		cfg.GoBin = "go"
	}
	if cfg.ReadyTimeout == 0 {
		cfg.ReadyTimeout = DefaultReadyTimeout
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.ReadyTimeout)
	defer cancel()
	bin, err := binary(ctx, cfg)
	if err != nil {
		return nil, err
	}
	// Both listeners on port 0: stripe-mock otherwise also binds HTTPS on
	// the fixed port 12112, which parallel tests would fight over.
	cmd := exec.Command(bin, "-http-addr", "127.0.0.1:0", "-https-addr", "127.0.0.1:0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("stripe-mock: %w", err)
	}
	cmd.Stderr = cfg.Log
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start stripe-mock: %w", err)
	}
	s := &Server{cmd: cmd, exited: make(chan struct{})}
	addr := make(chan string, 1)
	go s.watch(out, cfg.Log, addr)
	select {
	case a := <-addr:
		s.MockURL = "http://" + a
		if err := s.serveFront(cfg.Record); err != nil {
			_ = s.Close()
			return nil, err
		}
		return s, nil
	case <-s.exited:
		return nil, fmt.Errorf("stripe-mock exited before listening: %v", cmd.ProcessState)
	case <-ctx.Done():
		_ = s.Close()
		return nil, fmt.Errorf("stripe-mock did not listen within %v: %w", cfg.ReadyTimeout, ctx.Err())
	}
}

// serveFront starts the front on a free loopback port.
func (s *Server) serveFront(record bool) error {
	target, err := url.Parse(s.MockURL)
	if err != nil {
		return fmt.Errorf("stripe-mock address: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("stripe-mock front: %w", err)
	}
	s.front = newFront(target, record)
	s.http = &http.Server{Handler: s.front, ReadHeaderTimeout: 10 * time.Second}
	s.served = make(chan struct{})
	s.URL = "http://" + ln.Addr().String()
	go func() {
		defer close(s.served)
		_ = s.http.Serve(ln) // returns http.ErrServerClosed once Close runs
	}()
	return nil
}

// Requests returns the requests passed to stripe-mock so far, oldest
// first; empty unless Config.Record was set.
func (s *Server) Requests() []Request { return s.front.recorded() }

// binary returns the path of the stripe-mock executable, building it into
// the build cache if needed.
func binary(ctx context.Context, cfg Config) (string, error) {
	cmd := exec.CommandContext(ctx, cfg.GoBin, "tool", "-n", "stripe-mock")
	cmd.Dir = cfg.Dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go tool -n stripe-mock: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	path := strings.TrimSpace(string(out))
	if path == "" {
		return "", errors.New("go tool -n stripe-mock printed no path")
	}
	return path, nil
}

// watch copies the server's output to log, sends the HTTP address once it
// is printed, and closes s.exited when the process ends.
func (s *Server) watch(out io.Reader, log io.Writer, addr chan<- string) {
	sent := false
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		line := sc.Text()
		fmt.Fprintln(log, line)
		if a, ok := strings.CutPrefix(line, listeningHTTP); ok && !sent {
			addr <- strings.TrimSpace(a)
			sent = true
		}
	}
	_ = s.cmd.Wait()
	close(s.exited)
}

// Close stops the server and waits until it has exited. It is safe to call
// more than once.
func (s *Server) Close() error {
	var err error
	s.once.Do(func() {
		if s.http != nil {
			_ = s.http.Close()
			<-s.served
		}
		if kill := s.cmd.Process.Kill(); kill != nil && !errors.Is(kill, os.ErrProcessDone) {
			err = fmt.Errorf("stop stripe-mock: %w", kill)
		}
		<-s.exited
	})
	return err
}
