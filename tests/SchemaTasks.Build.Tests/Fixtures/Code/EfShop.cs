using Microsoft.EntityFrameworkCore;

namespace Shop;

// Npgsql's EF Core provider maps it to order_state by snake_case names; no 'refunded' yet.
public enum OrderState
{
    Placed,
    Paid,
    Shipped,
    Refunded,
}

// Stored by name in a text column with a CHECK; no 'Phone' yet.
public enum Channel
{
    Web,
    Store,
    Phone,
}

public sealed class Order
{
    public int Id { get; set; }

    public OrderState State { get; set; }

    public Channel Channel { get; set; }
}

public sealed class ShopContext : DbContext
{
    public DbSet<Order> Orders => Set<Order>();

    protected override void OnConfiguring(DbContextOptionsBuilder options)
        => options.UseNpgsql("Host=localhost", npgsql => npgsql.MapEnum<OrderState>("order_state"));

    protected override void OnModelCreating(ModelBuilder model)
        => model.Entity<Order>(order =>
        {
            order.ToTable("orders");
            order.Property(o => o.State).HasColumnName("state");
            order.Property(o => o.Channel).HasColumnName("channel").HasConversion<string>();
        });
}
