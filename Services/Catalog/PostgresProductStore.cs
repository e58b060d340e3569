using Npgsql;

namespace Catalog;

/// <summary>Products in the catalog's own database (<c>ConnectionStrings__catalogdb</c>), schema from <see cref="CatalogSchema"/>.</summary>
public sealed class PostgresProductStore(NpgsqlDataSource database) : IProductStore
{
    private const string Columns = "product_id, name, description, price, image_content_type";

    public async Task<Product> AddAsync(ProductRequest product, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"INSERT INTO products (name, description, price) VALUES ($1, $2, $3) RETURNING {Columns}");
        AddValues(command, product);
        return (await ReadAsync(command, cancellationToken)).Single();
    }

    public async Task<Product?> FindAsync(long productId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM products WHERE product_id = $1");
        command.Parameters.Add(new() { Value = productId });
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<Product>> ListAsync(int offset, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"SELECT {Columns} FROM products ORDER BY product_id OFFSET $1 LIMIT $2");
        command.Parameters.Add(new() { Value = offset });
        command.Parameters.Add(new() { Value = limit });
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<Product?> UpdateAsync(long productId, ProductRequest product, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"UPDATE products SET name = $1, description = $2, price = $3 WHERE product_id = $4 RETURNING {Columns}");
        AddValues(command, product);
        command.Parameters.Add(new() { Value = productId });
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<bool> DeleteAsync(long productId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("DELETE FROM products WHERE product_id = $1");
        command.Parameters.Add(new() { Value = productId });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> SetImageContentTypeAsync(long productId, string contentType, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("UPDATE products SET image_content_type = $1 WHERE product_id = $2");
        command.Parameters.Add(new() { Value = contentType });
        command.Parameters.Add(new() { Value = productId });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static void AddValues(NpgsqlCommand command, ProductRequest product)
    {
        command.Parameters.Add(new() { Value = product.Name! });
        command.Parameters.Add(new() { Value = product.Description ?? "" });
        command.Parameters.Add(new() { Value = product.Price!.Value });
    }

    private static async Task<List<Product>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var products = new List<Product>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            products.Add(new Product(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetDecimal(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return products;
    }
}
