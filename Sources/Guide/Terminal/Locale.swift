import Foundation
func prepareTerminalLocale() { setlocale(LC_ALL, "") }
