import CCurl
import Foundation
import Testing

/// The C policy that refuses private addresses, checked on addresses that cannot be reached from a test.
struct AddressPolicyTests {
    static func isPrivate(_ text: String) -> Bool {
        if text.contains(":") {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            precondition(inet_pton(AF_INET6, text, &address.sin6_addr) == 1, text)
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { mw_is_private_address($0) != 0 }
            }
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        precondition(inet_pton(AF_INET, text, &address.sin_addr) == 1, text)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { mw_is_private_address($0) != 0 }
        }
    }

    @Test(arguments: [
        "127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
        "0.0.0.0", "224.0.0.1", "::1", "::", "fc00::1", "fd12::1", "fe80::1", "ff02::1",
        "::ffff:127.0.0.1", "64:ff9b::a00:1", "2002:c0a8:0101::1", "::10.0.0.1",
    ])
    func privateAddressesAreRefused(_ address: String) {
        #expect(Self.isPrivate(address))
    }

    @Test(arguments: [
        "93.184.216.34", "172.32.0.1", "100.128.0.1", "8.8.8.8", "2001:db8::1", "2a00:1450::1",
        "::ffff:93.184.216.34", "64:ff9b::5db8:d822", "2002:5db8:d822::1",
    ])
    func publicAddressesAreAllowed(_ address: String) {
        #expect(!Self.isPrivate(address))
    }
}
