//! A real SMTP server on a loopback port (mailin-embedded) that keeps what it receives.

use std::io;
use std::net::{IpAddr, TcpListener};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use mailin_embedded::{Handler, Response, Server, response};
use tokio::sync::watch;

#[derive(Debug, Clone)]
pub struct ReceivedMail {
    pub to: Vec<String>,
    pub raw: String,
}

impl ReceivedMail {
    pub fn header(&self, name: &str) -> Option<String> {
        let prefix = format!("{}:", name.to_ascii_lowercase());
        self.raw
            .lines()
            .take_while(|line| !line.is_empty())
            .find(|line| line.to_ascii_lowercase().starts_with(&prefix))
            .map(|line| line[prefix.len()..].trim().to_owned())
    }

    pub fn message_id(&self) -> String {
        self.header("Message-ID").unwrap_or_default()
    }

    pub fn subject(&self) -> String {
        self.header("Subject").unwrap_or_default()
    }
}

#[derive(Clone)]
struct Collector {
    inbox: Arc<Mutex<Vec<ReceivedMail>>>,
    count: Arc<watch::Sender<usize>>,
    to: Vec<String>,
    data: Vec<u8>,
}

impl Handler for Collector {
    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.to = to.to_vec();
        self.data.clear();
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let mail = ReceivedMail {
            to: std::mem::take(&mut self.to),
            raw: String::from_utf8_lossy(&self.data).into_owned(),
        };
        let mut inbox = self.inbox.lock().unwrap_or_else(|e| e.into_inner());
        inbox.push(mail);
        self.count.send_replace(inbox.len());
        response::OK
    }

    fn helo(&mut self, _ip: IpAddr, _domain: &str) -> Response {
        response::OK
    }
}

pub struct SmtpSink {
    pub port: u16,
    inbox: Arc<Mutex<Vec<ReceivedMail>>>,
    count: Arc<watch::Sender<usize>>,
}

const MAIL_DEADLINE: Duration = Duration::from_secs(30);

impl SmtpSink {
    /// A port nothing listens on yet: mail sent there fails until [`SmtpSink::listen`].
    pub fn reserve() -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let (count, _) = watch::channel(0);
        Self {
            port,
            inbox: Arc::default(),
            count: Arc::new(count),
        }
    }

    pub fn start() -> Self {
        let sink = Self::reserve();
        sink.listen();
        sink
    }

    /// Starts accepting mail on the reserved port (the server thread lives until the test
    /// process exits).
    pub fn listen(&self) {
        let listener = TcpListener::bind(("127.0.0.1", self.port)).expect("bind smtp sink");
        let collector = Collector {
            inbox: self.inbox.clone(),
            count: self.count.clone(),
            to: Vec::new(),
            data: Vec::new(),
        };
        std::thread::spawn(move || {
            let mut server = Server::new(collector);
            server.with_name("sink.test").with_tcp_listener(listener);
            let _ = server.serve();
        });
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Waits until at least `n` messages arrived; returns all received so far.
    pub async fn wait_for(&self, n: usize) -> Vec<ReceivedMail> {
        let mut receiver = self.count.subscribe();
        tokio::time::timeout(MAIL_DEADLINE, receiver.wait_for(|count| *count >= n))
            .await
            .unwrap_or_else(|_| panic!("expected {n} emails, got {:?}", self.received().len()))
            .expect("sink alive");
        self.received()
    }

    pub fn received(&self) -> Vec<ReceivedMail> {
        self.inbox.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}
