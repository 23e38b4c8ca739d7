package security

import (
	"archive/zip"
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/handlers"
	"github.com/factcheckdesk/factcheck/models"
)

// nestedDocx is a .docx of about 100 KB whose document.xml is 64 MB of
// nested <w:p> elements: 13 million open at once.
func nestedDocx(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	chunk := strings.Repeat("<w:p>", 1<<16)
	for written := 0; written < 64<<20-len(chunk); written += len(chunk) {
		io.WriteString(w, chunk)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Finding 2: a 100 KB .docx of nested paragraphs took 32 s and 2.46 GB.
// Its depth is now capped: three uploads at once are refused quickly, in
// a few megabytes of heap.
func TestNestedDocxUnderMemoryBound(t *testing.T) {
	d := newDesk(t, handlers.Config{})
	ed := d.signedIn(models.Editor)
	bomb := nestedDocx(t)

	var peak uint64
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	began := time.Now()
	var wg sync.WaitGroup
	statuses := make([]int, 3)
	for i := range statuses {
		wg.Go(func() {
			var body bytes.Buffer
			mw := multipart.NewWriter(&body)
			fw, _ := mw.CreateFormFile("file", "bomb.docx")
			fw.Write(bomb)
			mw.Close()
			req, _ := http.NewRequest(http.MethodPost, d.url+"/api/v1/articles/upload", &body)
			req.Header.Set("Content-Type", mw.FormDataContentType())
			statuses[i] = ed.Do(req).Status
		})
	}
	wg.Wait()
	took := time.Since(began)
	close(stop)
	<-sampled
	grew := int64(peak) - int64(base)
	t.Logf("three %d KB nested .docx uploads at once: statuses %v in %v, heap grew by at most %.1f MB", len(bomb)>>10, statuses, took.Round(time.Millisecond), float64(grew)/(1<<20))
	for _, s := range statuses {
		if s != http.StatusUnprocessableEntity {
			t.Fatalf("statuses %v, want 422 for each", statuses)
		}
	}
	if grew > 64<<20 {
		t.Fatalf("the heap grew by %d MB reading three nested .docx files", grew>>20)
	}
	if list, _ := d.store.ArticleList(t.Context(), models.ArticleCursor{}, 50); len(list.Items) != 0 {
		t.Fatal("a nested .docx was stored")
	}
}
