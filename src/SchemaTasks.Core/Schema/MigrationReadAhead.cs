using SchemaTasks.Migrations;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Lexes and parses the next migrations on a second core while the engine applies the current
/// one. Lexing and parsing depend on the dialect, the folder's DELIMITER rule and the SET
/// statements that change how text reads (<see cref="SessionReading"/>), which the read-ahead
/// follows from one migration to the next itself; the engine reads a migration again when its
/// reading at the migration's start differs. Applying must stay in order, on the engine's thread.
/// A cold snapshot spends about a quarter of its time there, and collects almost never, so the
/// two threads seldom stop each other.
/// </summary>
/// <remarks>
/// At most <see cref="Ahead"/> migrations wait prepared, and a migration longer than
/// <see cref="LargestPrepared"/> characters is left to the engine (<see cref="Take"/> gives
/// <see langword="null"/>), so the memory held ahead stays small whatever the history holds.
/// </remarks>
internal sealed class MigrationReadAhead : IDisposable
{
    // Below this many migrations the thread costs more to start than it saves.
    private const int WorthASecondThread = 32;
    private const int Ahead = 8;
    private const int LargestPrepared = 256 * 1024;

    private readonly IReadOnlyList<Migration> _migrations;
    private readonly SqlDialect _dialect;
    private readonly bool _flywayDelimiters;
    private readonly PreparedMigration?[] _ready;
    private readonly Stack<PreparedMigration> _free = new();
    private readonly object _gate = new();
    private int _preparedCount; // Migrations below this index are prepared (or left to the engine).
    private int _takenCount;
    private bool _stopped;
    private readonly SessionReading _reading; // As the migrations prepared so far leave it; a migration left to the engine is taken to leave it as it was, and the engine reads the next again if not.

    private MigrationReadAhead(IReadOnlyList<Migration> migrations, SqlDialect dialect, bool flywayDelimiters)
    {
        _migrations = migrations;
        _dialect = dialect;
        _flywayDelimiters = flywayDelimiters;
        _ready = new PreparedMigration?[migrations.Count];
        _reading = new SessionReading(dialect);
    }

    /// <summary>Starts preparing <paramref name="migrations"/> in order; <see langword="null"/> when <paramref name="when"/> says not to.</summary>
    /// <param name="migrations">The migrations the engine applies, in its order.</param>
    /// <param name="dialect">Their dialect.</param>
    /// <param name="flywayDelimiters">Whether DELIMITER is read as Flyway reads it.</param>
    /// <param name="when">Whether to read ahead.</param>
    public static MigrationReadAhead? Start(IReadOnlyList<Migration> migrations, SqlDialect dialect, bool flywayDelimiters, ReadAhead when)
    {
        var pays = migrations.Count >= WorthASecondThread && Environment.ProcessorCount > 1;
        if (when == ReadAhead.Never || (when == ReadAhead.WhenItPays && !pays)) return null;
        var readAhead = new MigrationReadAhead(migrations, dialect, flywayDelimiters);
        new Thread(readAhead.PrepareAll) { IsBackground = true, Name = "SchemaTasks migration read-ahead" }.Start();
        return readAhead;
    }

    /// <summary>
    /// The migration at <paramref name="index"/>, prepared, once it is; <see langword="null"/> when
    /// the engine reads it itself. Taken in order, each once.
    /// </summary>
    public PreparedMigration? Take(int index)
    {
        lock (_gate)
        {
            while (_preparedCount <= index) Monitor.Wait(_gate);
            var prepared = _ready[index];
            _ready[index] = null;
            _takenCount = index + 1;
            Monitor.PulseAll(_gate);
            return prepared;
        }
    }

    /// <summary>Gives back a prepared migration the engine has applied, to be prepared again.</summary>
    public void Return(PreparedMigration prepared)
    {
        lock (_gate) _free.Push(prepared);
    }

    /// <summary>Stops preparing; a migration being prepared is finished and dropped.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }
    }

    private void PrepareAll()
    {
        try
        {
            PrepareInOrder();
        }
        finally
        {
            // Whatever is not prepared by now, the engine reads itself: it never waits for a thread that ended.
            lock (_gate)
            {
                _preparedCount = _migrations.Count;
                Monitor.PulseAll(_gate);
            }
        }
    }

    private void PrepareInOrder()
    {
        for (var index = 0; index < _migrations.Count; index++)
        {
            PreparedMigration? prepared = null;
            lock (_gate)
            {
                while (index - _takenCount >= Ahead && !_stopped) Monitor.Wait(_gate);
                if (_stopped) return;
                if (_migrations[index].Sql.Length <= LargestPrepared) prepared = _free.Count > 0 ? _free.Pop() : new PreparedMigration();
            }

            prepared = Prepared(prepared, _migrations[index]);
            lock (_gate)
            {
                _ready[index] = prepared;
                _preparedCount = index + 1;
                Monitor.PulseAll(_gate);
            }
        }
    }

    private PreparedMigration? Prepared(PreparedMigration? prepared, Migration migration)
    {
        if (prepared is null) return null;
        try
        {
            prepared.Prepare(migration, _dialect, _flywayDelimiters, _reading);
            return prepared;
        }
#pragma warning disable CA1031 // Not swallowed: the engine reads the migration itself and meets the same failure on its own thread.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}

/// <summary>Whether the engine reads migrations ahead on a second thread (<see cref="MigrationReadAhead"/>).</summary>
internal enum ReadAhead
{
    /// <summary>With two cores or more and enough migrations for a thread to pay for itself.</summary>
    WhenItPays,

    /// <summary>Never: the engine lexes and parses each migration itself.</summary>
    Never,

    /// <summary>Always, however few the migrations and cores (tests compare it with <see cref="Never"/>).</summary>
    Always,
}
