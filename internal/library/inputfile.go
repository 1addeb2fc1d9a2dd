package library

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"appraise.app/appraise/internal/appraise"
)

// CheckInput checks that path (symbolic links followed) names a regular
// file of at most appraise.MaxInputFileSize bytes, without reading it: a
// folder, a device such as /dev/zero or a pipe that never ends is refused
// before anything waits on it. The error wraps one of
// appraise.InputFileErrors.
func CheckInput(path string) (fs.FileInfo, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, inputError(path, err)
	}
	return st, checkInfo(path, st)
}

func checkInfo(path string, st fs.FileInfo) error {
	switch {
	case !st.Mode().IsRegular():
		return fmt.Errorf("open %s: %w", filepath.Base(path), appraise.ErrNotAFile)
	case st.Size() > appraise.MaxInputFileSize:
		return fmt.Errorf("open %s (%d MB): %w", filepath.Base(path), st.Size()>>20, appraise.ErrFileTooLarge)
	}
	return nil
}

// inputError names why path could not be opened or examined.
func inputError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("open %s: %w", filepath.Base(path), appraise.ErrNoSuchFile)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("open %s: %w", filepath.Base(path), appraise.ErrFileUnreadable)
	}
	return fmt.Errorf("read %s: %w", filepath.Base(path), err)
}

// openInput opens a PDF for reading after CheckInput, without blocking on
// a pipe swapped in meanwhile (O_NONBLOCK), and checks the opened file
// again.
func openInput(path string) (*os.File, error) {
	if _, err := CheckInput(path); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, inputError(path, err)
	}
	st, err := f.Stat()
	if err == nil {
		err = checkInfo(path, st)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// hashChunk is how much HashFile reads between looks at its context.
const hashChunk = 1 << 20

// HashFile returns the paper id of a PDF: the hex SHA-256 of its bytes.
// It reads regular files of at most appraise.MaxInputFileSize only (see
// CheckInput) and stops when ctx is cancelled.
func HashFile(ctx context.Context, path string) (appraise.PaperID, error) {
	f, err := openInput(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	r := io.LimitReader(f, appraise.MaxInputFileSize+1)
	var n int64
	for {
		if err := ctx.Err(); err != nil {
			return "", fmt.Errorf("read %s: %w", path, appraise.ErrExtractionCancelled)
		}
		m, err := io.CopyN(h, r, hashChunk)
		n += m
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", inputError(path, err)
		}
	}
	if n > appraise.MaxInputFileSize {
		return "", fmt.Errorf("%s: %w", path, appraise.ErrFileTooLarge)
	}
	return appraise.PaperID(hex.EncodeToString(h.Sum(nil))), nil
}
