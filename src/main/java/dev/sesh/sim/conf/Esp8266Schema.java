package dev.sesh.sim.conf;

import java.util.function.Consumer;

/**
 * The simulated board's config schema: the ESP8266 build of mos-captures README section 3 (libs
 * atca, http-server, i2c, rpc-service-config, rpc-service-fs, rpc-service-i2c, rpc-uart, wifi, in
 * mos's dependency order). Key order and defaults reproduce capture {@code config_get_all}.
 */
public final class Esp8266Schema {
    /** The unexpanded device id of level 0; the "??????" is filled from the MAC at boot. */
    public static final String DEVICE_ID_TEMPLATE = "esp8266_??????";

    private static final ConfigSchema SCHEMA = build(b -> { }, false);
    private static final ConfigSchema APP = build(Esp8266Schema::mqttAndAws, true);
    private static final ConfigSchema BARE = build(Esp8266Schema::mqttAndAws, false);

    private Esp8266Schema() {}

    /** The capture rig's schema (Config.Get byte-exact against the captures). */
    public static ConfigSchema get() { return SCHEMA; }

    /**
     * The article's app: the capture schema plus the mqtt and aws libs (mos-rpc.md 5.2
     * "aws-iot-setup" writes their keys), appended after the others with the libs' defaults, and the
     * app's own defaults compiled in as an app's mos.yml config_schema does: {@code i2c.enable=true}
     * on the NodeMCU pins (Config.Get level 0 returns them; no conf1.json).
     */
    public static ConfigSchema app() { return APP; }

    /** The same libs as {@link #app()} with the stock defaults: I2C off, as on a freshly flashed demo build. */
    public static ConfigSchema bare() { return BARE; }

    private static void mqttAndAws(ConfigSchema.Builder root) {
        root.group("mqtt", g -> g.b("enable", false).s("server", "iot.eclipse.org:1883").empty("client_id", "user", "pass")
                        .d("reconnect_timeout_min", 2.0).d("reconnect_timeout_max", 60.0)
                        .empty("ssl_cert", "ssl_key", "ssl_ca_cert", "ssl_cipher_suites", "ssl_psk_identity", "ssl_psk_key")
                        .b("clean_session", true).i("keep_alive", 60).empty("will_topic", "will_message")
                        .i("max_qos", 2).i("recv_mbuf_limit", 3072).b("require_time", false).b("cloud_events", true)
                        .i("max_queue_length", 5))
                .group("aws", g -> g.s("thing_name", ""));
    }

    private static ConfigSchema build(Consumer<ConfigSchema.Builder> libs, boolean i2cOn) {
        ConfigSchema.Builder root = ConfigSchema.builder()
                .group("debug", g -> g.s("udp_log_addr", "").i("udp_log_level", 3).i("mbedtls_level", 0)
                        .i("level", 2).s("file_level", "").i("event_level", 2).i("stdout_uart", 0)
                        .i("stderr_uart", 0).i("factory_reset_gpio", -1).s("mg_mgr_hexdump_file", ""))
                .group("i2c", i2c(12, 14, i2cOn))
                .group("i2c1", i2c(4, 5, false))
                .group("sys", g -> g
                        .group("atca", a -> a.b("enable", false).i("i2c_bus", 0).i("i2c_addr", 96)
                                .i("ecdh_slots_mask", 12))
                        .s("tz_spec", "").i("wdt_timeout", 30).s("pref_ota_lib", ""))
                .group("device", g -> g.s("id", DEVICE_ID_TEMPLATE).empty("license", "mac", "public_key", "sn"))
                .s("conf_acl", "*")
                .group("http", g -> g.b("enable", true).s("listen_addr", "80").s("document_root", "/")
                        .empty("index_files", "ssl_cert", "ssl_key", "ssl_ca_cert").s("upload_acl", "*")
                        .empty("hidden_files", "auth_domain", "auth_file").i("auth_algo", 0).s("extra_headers", ""))
                .group("rpc", g -> g.b("enable", true).b("http_enable", true).b("service_sys_enable", true)
                        .i("max_frame_size", 4096).i("max_queue_length", 25).i("max_non_persistent_channels", 20)
                        .i("default_out_channel_idle_close_timeout", 10).empty("acl", "acl_file")
                        .s("auth_domain", "RPC").s("auth_file", "").i("auth_algo", 0)
                        .group("uart", u -> u.i("uart_no", 0).i("baud_rate", 115200).i("fc_type", 2).s("dst", "")))
                .group("wifi", g -> g
                        .group("ap", a -> a.b("enable", true).s("ssid", "Mongoose_??????").s("pass", "Mongoose")
                                .b("hidden", false).i("channel", 6).i("max_connections", 10)
                                .s("ip", "192.168.4.1").s("netmask", "255.255.255.0").s("gw", "192.168.4.1")
                                .s("dhcp_start", "192.168.4.2").s("dhcp_end", "192.168.4.100")
                                .i("trigger_on_gpio", -1).i("disable_after", 0).s("hostname", ""))
                        .group("sta", sta()).group("sta1", sta()).group("sta2", sta())
                        .i("sta_rssi_thr", -95).i("sta_connect_timeout", 15).i("sta_roam_rssi_thr", -80)
                        .i("sta_roam_interval", 0).i("sta_ps_mode", 0).i("tx_rate_limit_11b", -1)
                        .i("tx_rate_limit_11g", -1).i("tx_rate_limit_11n", -1));
        libs.accept(root);
        return root.build();
    }

    private static Consumer<ConfigSchema.Builder> i2c(int sda, int scl, boolean on) {
        return g -> g.b("enable", on).i("freq", 100000).b("debug", false).i("sda_gpio", sda).i("scl_gpio", scl);
    }

    private static Consumer<ConfigSchema.Builder> sta() {
        return g -> g.b("enable", false).empty("ssid", "pass", "bssid").i("channel", 0).s("last_bssid", "")
                .i("last_channel", 0).empty("user", "anon_identity", "cert", "key", "ca_cert", "ip", "netmask", "gw",
                        "nameserver", "dhcp_hostname");
    }
}
