using SchemaTasks;

namespace ContentWorker;

// Scenario 3: a near miss (generating) and a label that does not exist (clarification_needed).
[DbEnum("content_request_status")]
public enum ContentRequestStatus
{
    Pending,
    Validating,
    Retrieving,
    GeneratingScript,
    GeneratingVideo,
    ProcessingVideo,
    Notifying,
    Completed,
    Failed,
    Cancelled,
    Generating,
    ClarificationNeeded,
}
