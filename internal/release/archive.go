package main

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"time"
)

// file is one file of an archive: its name there, where it is now, its
// mode there.
type file struct {
	name string // slash-separated, under the archive's top directory
	path string
	mode fs.FileMode
}

// writeTarGz writes files under the directory top, in the order given,
// owned by root, every time mtime: the same files give the same bytes.
func writeTarGz(out, top string, files []file, mtime time.Time) error {
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	defer f.Close()
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression) // no name or time in the header
	if err != nil {
		return err
	}
	tw := tar.NewWriter(zw)
	header := func(name string, mode fs.FileMode, size int64, flag byte) *tar.Header {
		return &tar.Header{Typeflag: flag, Name: name, Mode: int64(mode.Perm()), Size: size, ModTime: mtime,
			Uname: "root", Gname: "root", Format: tar.FormatUSTAR}
	}
	for _, dir := range dirs(top, files) {
		if err := tw.WriteHeader(header(dir+"/", 0o755, 0, tar.TypeDir)); err != nil {
			return err
		}
	}
	for _, fl := range files {
		b, err := os.ReadFile(fl.path)
		if err != nil {
			return err
		}
		if err := tw.WriteHeader(header(path.Join(top, fl.name), fl.mode, int64(len(b)), tar.TypeReg)); err != nil {
			return err
		}
		if _, err := tw.Write(b); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

// writeZip is writeTarGz for Windows.
func writeZip(out, top string, files []file, mtime time.Time) error {
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	for _, dir := range dirs(top, files) {
		h := &zip.FileHeader{Name: dir + "/", Modified: mtime}
		h.SetMode(fs.ModeDir | 0o755)
		if _, err := zw.CreateHeader(h); err != nil {
			return err
		}
	}
	for _, fl := range files {
		src, err := os.Open(fl.path)
		if err != nil {
			return err
		}
		h := &zip.FileHeader{Name: path.Join(top, fl.name), Method: zip.Deflate, Modified: mtime}
		h.SetMode(fl.mode)
		w, err := zw.CreateHeader(h)
		if err == nil {
			_, err = io.Copy(w, src)
		}
		src.Close()
		if err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

// dirs are the directories an archive's files need, parents first.
func dirs(top string, files []file) []string {
	out := []string{top}
	for _, fl := range files {
		var chain []string
		for d := path.Dir(fl.name); d != "."; d = path.Dir(d) {
			chain = append(chain, path.Join(top, d))
		}
		for i := len(chain) - 1; i >= 0; i-- {
			if !slices.Contains(out, chain[i]) {
				out = append(out, chain[i])
			}
		}
	}
	return out
}
