package handlers

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/factcheckdesk/factcheck/apperr"
)

// Operations: /healthz says the process is up, /readyz that it can serve
// (the database answers and its schema is current), /metrics what it is
// doing, for Prometheus. None needs signing in; none says anything about
// the desk's contents: routes are labelled by their pattern, never by the
// ids in a request.

// opsPaths are answered before identify looks for a session.
var opsPaths = map[string]bool{"/healthz": true, "/readyz": true, "/metrics": true}

// metrics are the desk's Prometheus collectors.
type metrics struct {
	registry *prometheus.Registry
	requests *prometheus.HistogramVec
}

func (h *Handler) newMetrics() *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "factcheck_http_request_duration_seconds",
			Help:    "Time to answer a request, by route pattern, method and status.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"route", "method", "status"}),
	}
	m.registry.MustRegister(m.requests,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if sqlDB, err := h.store.DB().DB(); err == nil {
		m.registry.MustRegister(collectors.NewDBStatsCollector(sqlDB, "reads"))
	}
	if w, err := h.store.Writer().DB(); err == nil && w != nil {
		if r, _ := h.store.DB().DB(); r != w {
			m.registry.MustRegister(collectors.NewDBStatsCollector(w, "writes"))
		}
	}
	if h.matches != nil {
		idx := h.matches
		m.registry.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "factcheck_matching_index_statements",
			Help: "Reviewed statements in the claim-matching index.",
		}, func() float64 { return float64(idx.Len()) }))
		m.registry.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "factcheck_matching_index_ready",
			Help: "1 once the claim-matching index is filled after a start.",
		}, func() float64 {
			if idx.Ready() {
				return 1
			}
			return 0
		}))
	}
	if h.hub != nil {
		lag := prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "factcheck_live_feed_lag_seconds",
			Help:    "Time from a change being saved to its reaching the pages open on this instance.",
			Buckets: []float64{.01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		})
		m.registry.MustRegister(lag)
		h.hub.Observe(func(d time.Duration) { lag.Observe(d.Seconds()) })
	}
	return m
}

// observe times every request into the histogram.
func (m *metrics) observe(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		status := c.Response().Status
		if err != nil {
			status = asAppError(err).Status
		}
		route := c.Path()
		if route == "" {
			route = "unknown"
		}
		m.requests.WithLabelValues(route, c.Request().Method, strconv.Itoa(status)).Observe(time.Since(start).Seconds())
		return err
	}
}

func (m *metrics) handler() echo.HandlerFunc {
	return echo.WrapHandler(promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{}))
}

// readyz answers 200 when the database answers and its schema is the one
// this program expects, else 503: a load balancer sends traffic only to
// instances ready for it.
func (h *Handler) readyz(c echo.Context) error {
	if err := h.store.Ready(c.Request().Context()); err != nil {
		h.log.Warn("not ready", "err", err)
		return apperr.Wrap(err, http.StatusServiceUnavailable, "not ready")
	}
	return c.String(http.StatusOK, "ready")
}
