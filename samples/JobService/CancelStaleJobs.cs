using JobService.Model;
using Microsoft.Extensions.Hosting;

namespace JobService;

/// <summary>
/// The work of scenario 1: cancelling a job. Without the CANCELLED label in the database this
/// failed at run time with 22P02; the start-up check now refuses to start before that.
/// </summary>
internal sealed class CancelStaleJobs(JobStore jobs, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var id = await jobs.CreateAsync(JobStatus.Cancelled, stoppingToken);
        Console.WriteLine($"JobService started: the schema check passed, and job {id} was stored as CANCELLED.");
        lifetime.StopApplication();
    }
}
