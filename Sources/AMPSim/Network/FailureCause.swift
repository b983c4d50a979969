/// Why an HTLC (one part on one route) was refused, with the BOLT 4 failure code a sender would see.
///
/// Guarantees: insufficient balance and no free slot are distinct causes even though both travel as
/// temporary_channel_failure (0x1007), so results can count them apart.
public enum FailureCause: UInt8, Sendable, CaseIterable {
    case insufficientBalance
    case slotsExhausted
    case offline
    case belowMinimum
    case aboveMaximum
    case mppTimeout
    case unknownPaymentDetails
    /// A `redundant` receiver already claimed its n parts and fails this spare back.
    case spareFailedBack

    /// The name used in CSV outputs.
    public var name: String {
        switch self {
        case .insufficientBalance: return "insufficient_balance"
        case .slotsExhausted: return "slots_exhausted"
        case .offline: return "offline"
        case .belowMinimum: return "below_minimum"
        case .aboveMaximum: return "above_maximum"
        case .mppTimeout: return "mpp_timeout"
        case .unknownPaymentDetails: return "unknown_payment_details"
        case .spareFailedBack: return "spare_failed_back"
        }
    }

    /// Whether a forwarder refuses an HTLC for this cause (so it is counted on a channel direction);
    /// the others are the receiver's.
    public var raisedByForwarder: Bool {
        switch self {
        case .insufficientBalance, .slotsExhausted, .offline, .belowMinimum, .aboveMaximum: return true
        case .mppTimeout, .unknownPaymentDetails, .spareFailedBack: return false
        }
    }

    /// The BOLT 4 failure code.
    public var boltCode: UInt16 {
        switch self {
        case .insufficientBalance, .slotsExhausted, .aboveMaximum: return 0x1007 // temporary_channel_failure
        case .offline: return 0x400a // unknown_next_peer
        case .belowMinimum: return 0x100b // amount_below_minimum
        case .mppTimeout: return 23 // mpp_timeout
        case .unknownPaymentDetails, .spareFailedBack: return 0x400f // incorrect_or_unknown_payment_details
        }
    }

    /// The BOLT 4 name of the code.
    public var boltName: String {
        switch boltCode {
        case 0x1007: return "temporary_channel_failure"
        case 0x400a: return "unknown_next_peer"
        case 0x100b: return "amount_below_minimum"
        case 23: return "mpp_timeout"
        default: return "incorrect_or_unknown_payment_details"
        }
    }
}
