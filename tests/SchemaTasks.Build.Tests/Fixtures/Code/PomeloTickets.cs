using System.ComponentModel.DataAnnotations.Schema;
using Microsoft.EntityFrameworkCore;

namespace Support;

// Stored by name in the ENUM column; no 'Urgent' yet.
public enum TicketPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

[Table("tickets")]
public sealed class Ticket
{
    public int Id { get; set; }

    [Column("priority")]
    public TicketPriority Priority { get; set; }

    [Column("kind", TypeName = "enum('bug','feature','question')")]
    public string Kind { get; set; } = "bug";
}

public sealed class SupportContext : DbContext
{
    public DbSet<Ticket> Tickets => Set<Ticket>();

    protected override void OnConfiguring(DbContextOptionsBuilder options)
        => options.UseMySql("Server=localhost", ServerVersion.Parse("10.11-mariadb"));

    protected override void OnModelCreating(ModelBuilder model)
        => model.Entity<Ticket>().Property(t => t.Priority).HasConversion<string>();
}
