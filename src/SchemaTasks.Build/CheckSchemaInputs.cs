using Microsoft.Build.Framework;

namespace SchemaTasks.Build;

/// <summary>
/// The incremental check of the schema target: whether anything it reads changed since it last
/// succeeded. It compares a fingerprint of the migrations folder's files, the other inputs and
/// the settings (<see cref="InputFingerprint"/>) with the one recorded then, so that a build
/// that changed nothing lists the folder once and makes no item per file.
/// </summary>
public sealed class CheckSchemaInputs : Microsoft.Build.Utilities.Task
{
    /// <summary>The migrations folder (full path).</summary>
    [Required]
    public string MigrationsDirectory { get; set; } = "";

    /// <summary>
    /// When true, only the files the folder walk reads count: the folder holds the project, whose
    /// sources, <c>bin</c> and <c>obj</c> must not. Otherwise every file of the folder counts.
    /// </summary>
    public bool ReadFilesOnly { get; set; }

    /// <summary>Other files the target reads or is defined by: the project file, the package's targets.</summary>
    public ITaskItem[] OtherInputs { get; set; } = [];

    /// <summary>The settings the target runs with, each as <c>name=value</c> (MSBuild drops empty entries of a list, so a bare value could move to another's place).</summary>
    public string[] Settings { get; set; } = [];

    /// <summary>What the target writes; when one is missing the inputs are not up to date.</summary>
    public ITaskItem[] Outputs { get; set; } = [];

    /// <summary>
    /// The committed snapshot. It is rewritten only when its content changes, so its time stamp
    /// is no input; but when it is missing and the folder holds files, it must be written again.
    /// </summary>
    public string? SnapshotFile { get; set; }

    /// <summary>The file that holds the fingerprint of the last successful run.</summary>
    [Required]
    public string RecordFile { get; set; } = "";

    /// <summary>The fingerprint now, for the target to record once it succeeds.</summary>
    [Output]
    public string Fingerprint { get; private set; } = "";

    /// <summary>Whether the fingerprint is the recorded one and every output exists.</summary>
    [Output]
    public bool UpToDate { get; private set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        var fingerprint = new InputFingerprint();
        foreach (var setting in Settings)
        {
            fingerprint.AddSetting(setting);
        }

        foreach (var input in OtherInputs)
        {
            fingerprint.AddFile(input.ItemSpec);
        }

        fingerprint.AddFolder(MigrationsDirectory, ReadFilesOnly);
        Fingerprint = fingerprint.Value;

        var missing = Array.Find(Outputs, output => !File.Exists(output.ItemSpec))?.ItemSpec;
        if (missing is null && fingerprint.FolderFileCount > 0 && !string.IsNullOrEmpty(SnapshotFile) && !File.Exists(SnapshotFile))
        {
            missing = SnapshotFile;
        }

        var recorded = Recorded();
        UpToDate = missing is null && recorded == Fingerprint;
        Log.LogMessage(
            MessageImportance.Low,
            "SchemaTasks: inputs {0} ({1}).",
            UpToDate ? "unchanged" : "changed",
            missing is not null ? $"'{missing}' is missing"
                : recorded is null ? $"no record in '{RecordFile}'"
                : UpToDate ? $"fingerprint {Fingerprint}" : $"fingerprint {Fingerprint}, recorded {recorded}");
        return true;
    }

    private string? Recorded()
    {
        try
        {
            return File.Exists(RecordFile) ? File.ReadAllText(RecordFile).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
