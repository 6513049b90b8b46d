// Command origin is the Go net/http application that the capture harness
// (../capture.sh) puts behind every proxy, plus two broken backends: one that
// answers without a status line and one that closes without answering.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"strings"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:26001", "the application")
	garbage := flag.String("garbage", "127.0.0.1:26002", "a backend that answers without a status line")
	empty := flag.String("empty", "127.0.0.1:26003", "a backend that closes without answering")
	slow := flag.Duration("slow", 3*time.Second, "how long /slow takes")
	flag.Parse()

	go rawBackend(*garbage, "this is not HTTP: the backend crashed mid-write\n")
	go rawBackend(*empty, "")
	log.Fatal(http.ListenAndServe(*addr, routes(*slow)))
}

func routes(slow time.Duration) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "origin: hello")
	})
	mux.HandleFunc("GET /hello", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "origin: hello")
	})
	mux.HandleFunc("GET /slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(slow):
		case <-r.Context().Done():
			return
		}
		fmt.Fprintln(w, "origin: sorry for the wait")
	})
	mux.HandleFunc("GET /boom", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "Internal Server Error", http.StatusInternalServerError)
	})
	mux.HandleFunc("GET /maintenance", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		http.Error(w, "origin: down for maintenance", http.StatusServiceUnavailable)
	})
	// GET only: the mux answers other methods with 405 and Allow.
	mux.HandleFunc("GET /items", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintln(w, `["apple","pear"]`)
	})
	mux.HandleFunc("GET /cache", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=300")
		fmt.Fprintln(w, "origin: cacheable")
	})
	mux.HandleFunc("GET /auth", func(w http.ResponseWriter, r *http.Request) {
		if u, p, ok := r.BasicAuth(); ok && u == "dev" && p == "secret" {
			fmt.Fprintln(w, "origin: welcome")
			return
		}
		w.Header().Set("WWW-Authenticate", `Basic realm="origin"`)
		http.Error(w, "origin: credentials required", http.StatusUnauthorized)
	})
	// A chain of three redirects, then /hello.
	mux.Handle("GET /r/1", http.RedirectHandler("/r/2", http.StatusFound))
	mux.Handle("GET /r/2", http.RedirectHandler("/r/3", http.StatusMovedPermanently))
	mux.Handle("GET /r/3", http.RedirectHandler("/hello", http.StatusTemporaryRedirect))
	// A loop.
	mux.Handle("GET /loop/a", http.RedirectHandler("/loop/b", http.StatusFound))
	mux.Handle("GET /loop/b", http.RedirectHandler("/loop/a", http.StatusFound))
	return mux
}

// rawBackend accepts connections, reads the request head, writes reply
// verbatim (no status line, no headers) and closes.
func rawBackend(addr, reply string) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	for {
		c, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		go func() {
			defer c.Close()
			_ = c.SetDeadline(time.Now().Add(5 * time.Second))
			br := bufio.NewReader(c)
			for {
				line, err := br.ReadString('\n')
				if err != nil || strings.TrimSpace(line) == "" {
					break
				}
			}
			_, _ = c.Write([]byte(reply))
		}()
	}
}
