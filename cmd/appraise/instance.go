package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// One GUI per library: the first Appraise on a library listens on a unix
// socket named after the library file, in the user's runtime folder
// ($XDG_RUNTIME_DIR, else a 0700 folder in the user cache folder). A
// second one connects, asks it to come to the front (and open the PDF it
// was given, if any), and exits. Nothing leaves the machine: the socket is
// a file only its owner can reach.

// alreadyOpen is what the second Appraise says before it exits.
const alreadyOpen = "Appraise is already open with this library"

// handshakeTimeout bounds each side's wait for the other's line.
const handshakeTimeout = 3 * time.Second

// maxRequest bounds what the first Appraise reads from a connection.
const maxRequest = 8 << 10

// socketPath is the socket of the library at libPath.
func socketPath(getenv func(string) string, libPath string) (string, error) {
	dir := getenv("XDG_RUNTIME_DIR") // the system makes it 0700 and the user's
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("find a folder for the single-window socket: %w", err)
		}
		dir = filepath.Join(cache, "Appraise", "run")
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return "", fmt.Errorf("create %s: %w", dir, err)
		}
		if err := os.Chmod(dir, 0o700); err != nil {
			return "", fmt.Errorf("make %s private: %w", dir, err)
		}
	}
	sum := sha256.Sum256([]byte(libPath))
	return filepath.Join(dir, "appraise-"+hex.EncodeToString(sum[:8])+".sock"), nil
}

// instance is the first Appraise's listener.
type instance struct {
	ln    net.Listener
	raise chan string
	done  chan struct{}
}

// claim makes this process the one Appraise on the library whose socket is
// at path, or, when another already is, hands it openPath (may be empty)
// and returns a nil instance with handedOver true.
func claim(path, openPath string) (inst *instance, handedOver bool, err error) {
	for range 2 {
		ln, err := net.Listen("unix", path)
		if err == nil {
			if err := os.Chmod(path, 0o600); err != nil {
				ln.Close()
				return nil, false, fmt.Errorf("make %s private: %w", path, err)
			}
			inst := &instance{ln: ln, raise: make(chan string, 4), done: make(chan struct{})}
			go inst.serve()
			return inst, false, nil
		}
		if !errors.Is(err, syscall.EADDRINUSE) {
			return nil, false, fmt.Errorf("listen on %s: %w", path, err)
		}
		if handOver(path, openPath) == nil {
			return nil, true, nil
		}
		// Nobody answers: the socket was left by an Appraise that
		// crashed. Remove it and listen again.
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, false, fmt.Errorf("remove the stale socket %s: %w", path, err)
		}
	}
	return nil, false, fmt.Errorf("listen on %s: another Appraise keeps starting", path)
}

// handOver asks the Appraise listening at path to come to the front and
// open openPath, and waits for its answer.
func handOver(path, openPath string) error {
	c, err := net.DialTimeout("unix", path, handshakeTimeout)
	if err != nil {
		return err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(handshakeTimeout))
	if _, err := fmt.Fprintf(c, "raise %s\n", openPath); err != nil {
		return err
	}
	answer, err := bufio.NewReader(io.LimitReader(c, 64)).ReadString('\n')
	if err != nil {
		return err
	}
	if answer != "ok\n" {
		return fmt.Errorf("unexpected answer %q", answer)
	}
	return nil
}

// serve answers each connection until the listener is closed.
func (in *instance) serve() {
	defer close(in.done)
	defer close(in.raise)
	for {
		c, err := in.ln.Accept()
		if err != nil {
			return
		}
		in.answer(c)
	}
}

// answer reads one request line and queues the raise; a request that is
// not one is closed without an answer.
func (in *instance) answer(c net.Conn) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(handshakeTimeout))
	line, err := bufio.NewReader(io.LimitReader(c, maxRequest)).ReadString('\n')
	if err != nil {
		return
	}
	path, ok := strings.CutPrefix(strings.TrimSuffix(line, "\n"), "raise ")
	if !ok {
		return
	}
	select {
	case in.raise <- path:
	default: // the window is already being raised
	}
	io.WriteString(c, "ok\n")
}

// close stops listening and removes the socket.
func (in *instance) close() {
	in.ln.Close()
	<-in.done
}
