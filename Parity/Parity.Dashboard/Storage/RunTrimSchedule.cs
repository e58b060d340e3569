using Microsoft.Data.Sqlite;
using Parity.Dashboard.Configuration;

namespace Parity.Dashboard.Storage;

/// <summary>
/// When the writer trims the current run's rows to the caps. Trimming a table scans the run's rows in it, so each table
/// is trimmed only once a quarter of what it keeps has been written since: a run's rows exceed the caps by about a
/// quarter at most.
/// </summary>
public sealed class RunTrimSchedule(SqliteConnection connection, string runId, DashboardOptions caps)
{
    private long _spansKept;
    private long _spans;
    private long _logs;
    private long _points;

    public void Written(int spans, int logs, int points) => (_spans, _logs, _points) = (_spans + spans, _logs + logs, _points + points);

    public void TrimDue()
    {
        // The trace cap counts traces, not spans: the quarter is of the spans kept at the last trim.
        if (_spans >= Math.Max(caps.MaxTraces, _spansKept) / 4)
        {
            _spansKept = RunRowWriter.TrimSpans(connection, runId, caps.MaxTraces);
            _spans = 0;
        }

        if (_logs >= caps.MaxLogs / 4)
        {
            RunRowWriter.TrimLogs(connection, runId, caps.MaxLogs);
            _logs = 0;
        }

        if (_points >= caps.MaxMetricPoints / 4)
        {
            RunRowWriter.TrimMetricPoints(connection, runId, caps.MaxMetricPoints);
            _points = 0;
        }
    }
}
