package server

// A hostile client spread over many loopback addresses (127.x.y.z, and
// IPv6 /64s through PROXY headers): each test is one finding of issue 18.
// Loops are bounded in count; waits are for the flood, not the clock.

import (
	"fmt"
	"net"
	"runtime"
	"runtime/pprof"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// source is the i-th loopback address other than 127.0.0.1: 127.1.x.y.
func source(i int) string { return fmt.Sprintf("127.1.%d.%d", i/250, i%250+1) }

// dialFrom opens an SSH client to addr from the local address from. The
// caller closes it.
func dialFrom(addr, from string) (*gossh.Client, error) {
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: waitLimit}
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	cc, chans, reqs, err := gossh.NewClientConn(conn, addr, clientConfig())
	if err != nil {
		conn.Close()
		return nil, err
	}
	return gossh.NewClient(cc, chans, reqs), nil
}

// heapInUse is the heap and stacks in use after two collections.
func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse + m.StackInuse
}

func goroutineDump() string {
	var b strings.Builder
	_ = pprof.Lookup("goroutine").WriteTo(&b, 1)
	return b.String()
}

// Item 1: a session that ends while Bubble Tea's input reader still holds
// parsed keys used to leak its whole explorer: the reader blocked for good
// sending to a program that had stopped reading. Sessions at the largest
// window type a few hundred keys and then press ctrl+c among them, or
// hang up; goroutines and the heap must come back to where they were.
// Not parallel: it counts every goroutine and the whole heap.
func TestManyQueuedInputLeaksNothing(t *testing.T) {
	h := startServer(t, nil)
	session := func(i int, hangUp bool) {
		c, err := dialFrom(h.addr, source(i))
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		tm := openTerminal(t, c, "", maxWidth, maxHeight)
		tm.waitFor(t, "4xx")
		keys := strings.Repeat("jk", 50) // within the event budget, so ctrl+c counts
		if hangUp {
			tm.send(t, keys+keys+keys)
			c.Close()
			return
		}
		tm.send(t, keys+quitKey+keys+keys)
		tm.wait(t)
	}
	session(0, false) // the catalog, the index and the styles, loaded once
	eventually(t, "the first session to end", func() bool { return h.srv.sessionCount() == 0 }, h.logs.String)
	baseG, baseHeap := runtime.NumGoroutine(), heapInUse()

	const n = 12
	for i := range n {
		session(1+i, i%2 == 1)
	}
	eventually(t, "every session to end", func() bool { return h.srv.sessionCount() == 0 }, h.logs.String)
	eventually(t, "goroutines back to the baseline", func() bool { return runtime.NumGoroutine() <= baseG }, goroutineDump)
	// A leaked explorer at this size holds about 8 MiB.
	var grown int64
	deadline := time.Now().Add(waitLimit)
	for {
		grown = int64(heapInUse()) - int64(baseHeap)
		if grown < 4<<20 || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("heap %+.1f MiB after %d sessions with queued input", float64(grown)/(1<<20), n)
	if grown >= 4<<20 {
		t.Errorf("heap grew %.1f MiB after %d sessions ended with queued input", float64(grown)/(1<<20), n)
	}
}
