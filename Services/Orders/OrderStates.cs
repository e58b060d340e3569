namespace Orders;

/// <summary>The states of an order, as stored, served and sent in <c>OrderStateChanged</c>.</summary>
public static class OrderStates
{
    public const string Pending = "PENDING";
    public const string Approved = "APPROVED";
    public const string Rejected = "REJECTED";
}
